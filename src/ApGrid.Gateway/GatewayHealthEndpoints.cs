using System.Text.Json;
using Yarp.ReverseProxy;

namespace ApGrid.Gateway;

/// <summary>
/// The gateway's own health. /health/live: the gateway process runs (never depends on nodes, so an
/// orchestrator does not restart a healthy gateway because nodes are down). /health/ready is
/// proxied to a node YARP considers healthy, so it is 200 exactly when at least one node is ready
/// (503 from YARP when none is). /health/gateway lists every node and how the probes see it.
/// </summary>
internal static class GatewayHealthEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static WebApplication MapGatewayHealth(this WebApplication app)
    {
        app.MapGet("/health/live", () => Results.Json(new { status = "Healthy", role = "gateway" }, Json));
        app.MapGet("/health/gateway", (IProxyStateLookup state) =>
        {
            if (!state.TryGetCluster(GatewayRoutes.ClusterId, out var cluster)) return Results.Json(new { status = "Unhealthy" }, Json, statusCode: 503);
            var available = cluster.DestinationsState.AvailableDestinations.Count;
            var body = new
            {
                status = available > 0 ? "Healthy" : "Unhealthy",
                available,
                destinations = cluster.Destinations.Values.Select(d => new
                {
                    id = d.DestinationId,
                    address = d.Model.Config.Address,
                    active = d.Health.Active.ToString(),
                    passive = d.Health.Passive.ToString(),
                }),
            };
            return Results.Json(body, Json, statusCode: available > 0 ? 200 : 503);
        });
        return app;
    }
}
