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
}
