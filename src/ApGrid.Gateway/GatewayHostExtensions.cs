using ApGrid.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ApGrid.Gateway;

public static class GatewayHostExtensions
{
    /// <summary>
    /// Wires the gateway: authentication (the node's rules), rate limits and YARP. When
    /// <paramref name="destinations"/> is given (the `all` role's own node) it replaces
    /// Gateway:Destinations, and <paramref name="ownNode"/>, when given, is how requests reach it.
    /// </summary>
    public static WebApplicationBuilder AddApGridGateway(
        this WebApplicationBuilder builder, IReadOnlyList<string>? destinations = null, OwnNodeTransport? ownNode = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = GatewayOptions.Read(builder.Configuration);
        if (destinations is not null)
        {
            options.Destinations.Clear();
            foreach (var destination in destinations) options.Destinations.Add(destination);
        }

        options.Validate();
        var limits = new RateLimitOptions();
        builder.Configuration.GetSection(RateLimitOptions.SectionName).Bind(limits);
        limits.Validate();

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(limits);
        if (ownNode is not null) builder.Services.AddSingleton(ownNode);
        builder.Services.AddApGridAuthentication(builder.Configuration);
        builder.Services.AddGatewayRateLimiting(limits);
        // Before AddReverseProxy, whose own factory is only a TryAdd.
        builder.Services.AddSingleton<Yarp.ReverseProxy.Forwarder.IForwarderHttpClientFactory, GatewayHttpClientFactory>();
        builder.Services.AddReverseProxy().LoadFromMemory(GatewayRoutes.Routes(builder.Environment.IsDevelopment()), [GatewayRoutes.Cluster(options)]);
        return builder;
    }

    public static WebApplication MapApGridGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseGatewayAuthenticationGate();
        app.UseRateLimiter();
        app.MapGatewayHealth();
        var ownNode = app.Services.GetService<OwnNodeTransport>();
        if (ownNode is null)
        {
            app.MapReverseProxy();
            return app;
        }

        // YARP's own pipeline (MapReverseProxy's default) up to the forwarder, which the own node replaces.
        app.MapReverseProxy(proxy =>
        {
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
            proxy.Use(async (context, next) =>
            {
                if (GatewayAuthenticationGate.IsWebSocketUpgrade(context))
                {
                    await next();
                }
                else if (!await ownNode.TryServeAsync(context))
                {
                    // Stopping (or not yet started): what a proxy answers for a node that is going away.
                    context.Response.Headers.RetryAfter = "5";
                    await GatewayRefusals.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "UNAVAILABLE", "The node is stopping; try again shortly.");
                }
            });
        });
        return app;
    }
}
