using ApGrid.Api.Auth;
using ApGrid.Api.GraphQL;
using ApGrid.Api.GraphQL.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ApGrid.Api;

public static class ApGridApiExtensions
{
    /// <summary>Authentication and the GraphQL API; the host calls this, then <see cref="MapApGridApi"/>.</summary>
    public static WebApplicationBuilder AddApGridApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Bearer tokens and partner API keys, judged exactly as the gateway judges them (defense in depth).
        builder.Services.AddApGridAuthentication(builder.Configuration);
        builder.Services.TryAddSingletonTimeProvider();
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddApGridGraphQL(builder.Configuration, exposeExceptionDetails: builder.Environment.IsDevelopment());
        return builder;
    }

    public static WebApplication MapApGridApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseGraphQLWebSockets();
        app.MapGraphQLHttp();
        if (app.Environment.IsDevelopment()) app.MapDevToken();
        return app;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }
}
