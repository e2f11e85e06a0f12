namespace ApGrid.Server.Hosting;

/// <summary>The "Orleans" configuration section: which cluster and service this node belongs to.</summary>
public sealed class OrleansOptions
{
    public string ClusterId { get; set; } = "apgrid";

    public string ServiceId { get; set; } = "apgrid";

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port Orleans clients (operators' tools, tests) connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other silos reach this one on, written to the membership table (PostgreSQL
    /// clustering only). Loopback suits several nodes on one machine; a real cluster sets each
    /// node's own address.
    /// </summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>How long a silo has to answer a probe; with <see cref="MissedProbesLimit"/> this bounds how soon a dead node is declared dead.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>Set true on Kubernetes: Orleans then watches the cluster's pods and drops members whose pod is gone.</summary>
    public bool KubernetesHosting { get; set; }

    /// <summary>An IP address as given, or a host name resolved once at start (a Compose service name, say).</summary>
    public System.Net.IPAddress AdvertisedIPAddress()
    {
        if (System.Net.IPAddress.TryParse(AdvertisedAddress, out var address)) return address;
        var resolved = System.Net.Dns.GetHostAddresses(AdvertisedAddress)
            .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork);
        return resolved ?? throw new InvalidOperationException($"Orleans:AdvertisedAddress '{AdvertisedAddress}' is neither an IP address nor a name with an IPv4 address.");
    }
}
