namespace ApGrid.Gateway;

/// <summary>The "Gateway" configuration section: which nodes to proxy to and how quickly to give up on one.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Base URLs of the nodes (the `gateway` role); the `all` role uses its own node's URL.</summary>
    public IList<string> Destinations { get; } = [];

    /// <summary>How often each node's /health/ready is probed; with one failure allowed, a dead node leaves rotation within about this long.</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a node that failed passively (connection errors) stays out before it gets requests again.</summary>
    public TimeSpan ReactivationPeriod { get; set; } = TimeSpan.FromSeconds(5);

    public void Validate()
    {
        if (Destinations.Count == 0)
        {
            throw new InvalidOperationException($"{SectionName}:Destinations must list at least one node URL (for example http://localhost:5100).");
        }

        foreach (var destination in Destinations)
        {
            if (!Uri.TryCreate(destination, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException($"{SectionName}:Destinations holds '{destination}', which is not an http(s) URL.");
            }
        }
    }
}
