using ApGrid.Api.Auth;
using ApGrid.Api.GraphQL;
using ApGrid.Api.GraphQL.Transport;
using ApGrid.Api.Rest;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace ApGrid.Api;

public static class ApGridApiExtensions
{
    /// <summary>Authentication, the GraphQL API and the REST API with its OpenAPI document; the host calls this, then <see cref="MapApGridApi"/>.</summary>
    public static WebApplicationBuilder AddApGridApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Bearer tokens and partner API keys, judged exactly as the gateway judges them (defense in depth).
        var jwt = builder.Services.AddApGridAuthentication(builder.Configuration, builder.Environment.IsDevelopment(), sessions: true);
        builder.Services.AddBoardSessions(builder.Configuration, jwt);
        builder.Services.AddSingleton<ManagedApiKeys>();
        builder.Services.AddSingleton<IManagedApiKeys>(sp => sp.GetRequiredService<ManagedApiKeys>());
        builder.Services.AddSingleton<AccessResolution>();
        builder.Services.AddSingleton<IClaimsTransformation>(sp => sp.GetRequiredService<AccessResolution>());
        builder.Services.TryAddSingletonTimeProvider();
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddApGridGraphQL(builder.Configuration, exposeExceptionDetails: builder.Environment.IsDevelopment());
        builder.Services.AddApGridRest(builder.Configuration);
        builder.Services.Configure<DateInputOptions>(builder.Configuration.GetSection("Dates"));
        builder.Services.Configure<Gias.GiasImportLimits>(builder.Configuration.GetSection(Gias.GiasImportLimits.SectionName));
        return builder;
    }

    /// <summary>
    /// The API's middleware and endpoints. The host puts authentication in front: alone in the
    /// `node` role, with the gateway's policies in the `all` role.
    /// </summary>
    public static WebApplication MapApGridApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseBoardSessionProtection();
        app.UseAuthorization();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseGraphQLWebSockets();
        app.MapGraphQLHttp();
        app.MapApGridRest();
        app.MapBoardSignIn(app.Services.GetRequiredService<IOptions<JwtOptions>>().Value);
        if (app.Environment.IsDevelopment())
        {
            app.MapDevToken();
            // Served whole from this process: no fonts from a CDN, no telemetry, and none of the vendor's
            // own buttons (its client app, developer toolbar, AI agent, MCP) beside ours.
            app.MapScalarApiReference(options => options
                .DisableDefaultFonts().DisableTelemetry().DisableAgent().DisableMcp()
                .HideClientButton().HideDeveloperTools());
        }

        return app;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }
}
