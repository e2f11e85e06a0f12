namespace ApGrid.Server.Hosting;

/// <summary>What one process of the executable runs.</summary>
public enum ServerRole
{
    /// <summary>Gateway and node in one process: the one-machine default.</summary>
    All,

    /// <summary>Orleans silo and the API, behind a gateway.</summary>
    Node,

    /// <summary>YARP only, in front of configured nodes; no Orleans.</summary>
    Gateway,
}
