namespace ApGrid.Api.GraphQL.Transport;

/// <summary>The "GraphQL:WebSocket" configuration section.</summary>
public sealed class GraphQLWebSocketOptions
{
    /// <summary>How long a client has to send connection_init.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Protocol pings from the server: well inside the gateway's 100 s idle timeout.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How often a socket opened by a person signed in through their LA's provider (bearer token or
    /// board session) asks the access registry again: a revoked grant or an ended session closes it
    /// (4403) within this long.
    /// </summary>
    public TimeSpan AccessRecheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxMessageBytes { get; set; } = 64 * 1024;

    public int MaxSubscriptionsPerSocket { get; set; } = 100;

    /// <summary>Operations (subscriptions, and queries while they run) one caller may hold open on a node at once, across their sockets.</summary>
    public int MaxSubscriptionsPerCaller { get; set; } = 200;

    /// <summary>Operations one tenant's callers together may hold open on a node at once.</summary>
    public int MaxSubscriptionsPerTenant { get; set; } = 20_000;

    /// <summary>Sockets one caller (a person, or a key) may hold open on a node at once; more close with 4429.</summary>
    public int MaxSocketsPerCaller { get; set; } = 20;

    /// <summary>Sockets one tenant's callers together may hold open on a node at once.</summary>
    public int MaxSocketsPerTenant { get; set; } = 2000;

    /// <summary>Messages waiting for a slow client before the socket is closed (1013).</summary>
    public int MaxQueuedMessages { get; set; } = 10_000;

    /// <summary>
    /// Bytes (UTF-8) waiting for a slow client before the socket is aborted: what one socket that
    /// stops reading can make the server hold, beside the kernel's own socket buffers. One message
    /// larger than this is still sent when nothing else waits, so a large answer is no cut-off.
    /// </summary>
    public int MaxQueuedBytes { get; set; } = 4 * 1024 * 1024;
}
