using Microsoft.AspNetCore.Hosting;
using Orleans.Dashboard;
using ApGrid.Api;
using ApGrid.Gateway;
using ApGrid.Server.Board;
using ApGrid.Server.Health;

namespace ApGrid.Server.Hosting;

/// <summary>Builds the one web application of each role.</summary>
public static class RoleHosts
{
    /// <summary>
    /// The `node` role: the silo and the API on Urls (HTTP/1.1) and Node:Http2Url (HTTP/2, for
    /// gateways). It authenticates every caller itself, gateway or not (defence in depth).
    /// </summary>
    public static WebApplication BuildNode(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        NodeListeners.Configure(builder, builder.Configuration[WebHostDefaults.ServerUrlsKey] ?? ServerRoles.DefaultNodeUrl);
        builder.AddApGridNode();
        builder.AddApGridApi();
        builder.AddApGridTelemetry();
        builder.AddOperationRateLimits();
        var app = builder.Build();
        app.UseAuthentication();
        MapNode(app);

        // The node port is the operators' (gateways route no /ops): Prometheus scrapes here.
        if (TelemetryHostBuilderExtensions.PrometheusEnabled(app.Configuration)) app.MapPrometheusScrapingEndpoint(TelemetryHostBuilderExtensions.PrometheusPath);

        // Node port only: it has no login of its own, and gateways route a fixed list of prefixes without /ops.
        if (app.Configuration.GetValue<bool>("Operations:Dashboard:Enabled")) app.MapOrleansDashboard("/ops/dashboard");
        return app;
    }

    /// <summary>The `gateway` role: authentication, rate limits and YARP to Gateway:Destinations, and the board.</summary>
    public static WebApplication BuildGateway(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddApGridGateway();
        var app = builder.Build();
        app.MapApGridGateway();

        // The board is a page of the public face, so the gateway serves it; its data comes through /graphql like anyone's.
        app.MapApGridBoard();
        return app;
    }

    /// <summary>
    /// The `all` role, one machine: one web application on Urls whose pipeline is the gateway's
    /// (authentication, the 401 gate, the rate limits) in front of the node's endpoints and the
    /// board, so a request is served where it arrived, with no second HTTP message. Authentication
    /// runs once, and the node's endpoints judge the same caller a node behind a gateway would
    /// work out again from the forwarded credentials. No /ops: there is no private port to put it on.
    /// </summary>
    public static WebApplication BuildAll(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddApGridNode();
        builder.AddApGridApi();
        builder.AddApGridTelemetry();
        builder.AddGatewayPolicies();
        var app = builder.Build();
        app.UseGatewayPolicies();
        MapNode(app);
        app.MapApGridBoard();
        return app;
    }

    /// <summary>The node's endpoints, behind whatever authenticated the caller.</summary>
    private static void MapNode(WebApplication app)
    {
        app.MapApGridHealth();
        app.MapApGridApi();
        app.MapDevClock();
    }
}
