using System.Text.Json;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace ApGrid.Gateway;

/// <summary>
/// The gateway's own health. /health/live: the gateway process runs (never depends on nodes, so an
/// orchestrator does not restart a healthy gateway because nodes are down). /health/ready is
/// proxied to a node the probes consider healthy (or, when none is, to any: that node's own 503
/// says why), so it is 200 exactly when a node is ready. /health/gateway lists every node and how
/// the probes see it, and the protocol they are spoken to in: 200 with at least one healthy node,
/// else 503 with a hint at the likeliest cause.
/// </summary>
internal static class GatewayHealthEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static WebApplication MapGatewayHealth(this WebApplication app)
    {
        app.MapGet("/health/live", () => Results.Json(new { status = "Healthy", role = "gateway" }, Json));
        app.MapGet("/health/gateway", (IProxyStateLookup state, GatewayOptions options) =>
        {
            if (!state.TryGetCluster(GatewayRoutes.ClusterId, out var cluster)) return Results.Json(new { status = "Unhealthy" }, Json, statusCode: 503);
            // Counted from the probes, not from YARP's available list, which in panic mode holds every node.
            var healthy = cluster.Destinations.Values.Count(d => d.Health.Active != DestinationHealth.Unhealthy && d.Health.Passive != DestinationHealth.Unhealthy);
            var body = new
            {
                status = healthy > 0 ? "Healthy" : "Unhealthy",
                healthy,
                nodeProtocol = options.NodeProtocol.ToString(),
                // The likeliest misconfiguration since gateways default to HTTP/2: an HTTP/1.1 node
                // address answers no HTTP/2 probe, so every node looks down and every request is a 502.
                hint = healthy > 0 ? null : options.NodeProtocol == NodeProtocol.Http2
                    ? "No node answers its health probe over HTTP/2: Gateway:Destinations must name each node's Node:Http2Url, or set Gateway:NodeProtocol to Http1 for HTTP/1.1 addresses."
                    : "No node answers its health probe over HTTP/1.1: Gateway:Destinations must name each node's Urls.",
                destinations = cluster.Destinations.Values.Select(d => new
                {
                    id = d.DestinationId,
                    address = d.Model.Config.Address,
                    active = d.Health.Active.ToString(),
                    passive = d.Health.Passive.ToString(),
                }),
            };
            return Results.Json(body, Json, statusCode: healthy > 0 ? 200 : 503);
        });
        return app;
    }
}
