using System.Globalization;
using System.Net;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace ApGrid.Gateway;

/// <summary>What the gateway forwards, built from configuration rather than YARP's own JSON so the
/// paths stay next to the code that authenticates them.</summary>
public static class GatewayRoutes
{
    public const string ClusterId = "nodes";

    /// <summary>Path prefixes that need a caller; the gateway refuses them without credentials.</summary>
    public static readonly IReadOnlyList<PathString> AuthenticatedPrefixes = [new("/graphql"), new("/api")];

    /// <summary>
    /// Gias:MaxUploadBytes when not configured, as the node's GiasImportLimits has it: the national
    /// establishment file is about 60 MB, twice the server's default body limit of 30 MB.
    /// </summary>
    public const long DefaultGiasMaxUploadBytes = 256L * 1024 * 1024;

    /// <summary>The GIAS upload, which alone may be larger than the server's default body limit.</summary>
    public const string GiasImportPath = "/api/v1/gias-imports";

    /// <param name="giasMaxUploadBytes">
    /// Gias:MaxUploadBytes: the GIAS upload's limit at the gateway, the same as the node's, so the
    /// real file passes and anything larger stops at the edge (413) before it reaches a node.
    /// </param>
    public static IReadOnlyList<RouteConfig> Routes(bool development, long giasMaxUploadBytes = DefaultGiasMaxUploadBytes)
    {
        var routes = new List<RouteConfig>
        {
            Route("graphql", "/graphql"),
            Route("api", "/api/{**rest}"),
            Route("gias-imports", GiasImportPath) with { MaxRequestBodySize = giasMaxUploadBytes },
            Route("openapi", "/openapi/{**rest}"),
            // The board's sign-in and session, which nodes keep.
            Route("auth", "/auth/{**rest}"),
            // Readiness is the node's: a ready answer through the gateway means some node can serve.
            Route("health-ready", "/health/ready"),
        };
        if (development)
        {
            routes.Add(Route("scalar", "/scalar/{**rest}"));
            routes.Add(Route("dev-token", "/dev/token"));
            routes.Add(Route("dev-clock", "/dev/clock"));
        }

        return routes;
    }

    public static ClusterConfig Cluster(GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ClusterConfig
        {
            ClusterId = ClusterId,
            // Counts open requests and WebSockets, so long-lived subscriptions spread over the nodes.
            LoadBalancingPolicy = "PowerOfTwoChoices",
            // Exact: over http:// that is HTTP/2 with prior knowledge (h2c), which HttpClient never
            // negotiates on its own. WebSockets go over HTTP/2 too (RFC 8441); the health probes use it as well.
            HttpRequest = options.NodeProtocol == NodeProtocol.Http2
                ? new ForwarderRequestConfig { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact }
                : new ForwarderRequestConfig { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact },
            Destinations = options.Destinations
                .Select((url, i) => (Key: string.Create(CultureInfo.InvariantCulture, $"node{i + 1}"), Value: new DestinationConfig { Address = url, Health = url }))
                .ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal),
            HealthCheck = new HealthCheckConfig
            {
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = options.HealthCheckInterval,
                    Timeout = options.HealthCheckTimeout,
                    Policy = "ConsecutiveFailures",
                    Path = "/health/ready",
                },
                Passive = new PassiveHealthCheckConfig
                {
                    Enabled = true,
                    Policy = "TransportFailureRate",
                    ReactivationPeriod = options.ReactivationPeriod,
                },
                // When every node looks unhealthy (one busy node whose probe timed out, say), try them
                // anyway: a node's own answer beats a blanket 503 from the gateway.
                AvailableDestinationsPolicy = "HealthyOrPanic",
            },
            // One failed probe is enough: a node that does not answer readiness should not get traffic.
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["ConsecutiveFailuresHealthPolicy.Threshold"] = "1" },
        };
    }

    // The node sees the host the client used (for links it writes, such as OpenAPI server URLs),
    // not its own address; YARP adds X-Forwarded-For/Proto/Host as well.
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> KeepOriginalHost =
        [new Dictionary<string, string>(StringComparer.Ordinal) { ["RequestHeaderOriginalHost"] = "true" }];

    private static RouteConfig Route(string id, string path) =>
        new() { RouteId = id, ClusterId = ClusterId, Match = new RouteMatch { Path = path }, Transforms = KeepOriginalHost };
}
