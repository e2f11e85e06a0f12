namespace ApGrid.Server.Hosting;

/// <summary>What one process of the executable runs.</summary>
public enum ServerRole
{
    /// <summary>One machine, the default: one web application with the gateway's policies in front of the node's endpoints.</summary>
    All,

    /// <summary>Orleans silo and the API, behind a gateway.</summary>
    Node,

    /// <summary>YARP only, in front of configured nodes; no Orleans.</summary>
    Gateway,
}
