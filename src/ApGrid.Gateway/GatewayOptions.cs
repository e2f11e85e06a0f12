using Microsoft.Extensions.Configuration;

namespace ApGrid.Gateway;

/// <summary>The "Gateway" configuration section: which nodes to proxy to and how quickly to give up on one.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Base URLs of the nodes (the `gateway` role): their Node:Http2Url, or with <see cref="NodeProtocol.Http1"/> their Urls.</summary>
    public IList<string> Destinations { get; } = [];

    public NodeProtocol NodeProtocol { get; set; } = NodeProtocol.Http2;

    /// <summary>How often each node's /health/ready is probed; with one failure allowed, a dead node leaves rotation within about this long.</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a node that failed passively (connection errors) stays out before it gets requests again.</summary>
    public TimeSpan ReactivationPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The Gateway section as configured, not yet validated.</summary>
    public static GatewayOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new GatewayOptions();
        configuration.GetSection(SectionName).Bind(options);
        return options;
    }

    public void Validate()
    {
        if (Destinations.Count == 0)
        {
            throw new InvalidOperationException($"{SectionName}:Destinations must list at least one node URL (for example http://localhost:5100).");
        }

        if (!Enum.IsDefined(NodeProtocol))
        {
            throw new InvalidOperationException($"{SectionName}:NodeProtocol must be Http2 or Http1.");
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
