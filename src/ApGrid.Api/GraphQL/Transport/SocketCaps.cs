using System.Collections.Concurrent;
using ApGrid.Api.Auth;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>
/// Open sockets and open operations (subscriptions) per caller (tenant and subject) and per tenant
/// on this process, so one caller, or one LA's callers together, cannot hold every socket or every
/// subscription a node can keep.
/// </summary>
public sealed class SocketCaps(GraphQLWebSocketOptions options)
{
    private readonly ConcurrentDictionary<string, int> open = new(StringComparer.Ordinal);

    /// <summary>Takes a place for the caller's socket, or null when the caller or the tenant is at its cap.</summary>
    public string? TryOpen(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var callerKey = CallerKey(caller);
        var tenantKey = "tenant:" + caller.Tenant;
        if (Increment(callerKey) > options.MaxSocketsPerCaller)
        {
            Decrement(callerKey);
            return null;
        }

        if (Increment(tenantKey) > options.MaxSocketsPerTenant)
        {
            Decrement(tenantKey);
            Decrement(callerKey);
            return null;
        }

        return callerKey;
    }

    public void Close(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Decrement(CallerKey(caller));
        Decrement("tenant:" + caller.Tenant);
    }

    /// <summary>Takes a place for one of the caller's operations; false when the caller or the tenant holds as many as allowed.</summary>
    public bool TryStartOperation(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var callerKey = "ops:" + CallerKey(caller);
        var tenantKey = "ops:tenant:" + caller.Tenant;
        if (Increment(callerKey) > options.MaxSubscriptionsPerCaller)
        {
            Decrement(callerKey);
            return false;
        }

        if (Increment(tenantKey) > options.MaxSubscriptionsPerTenant)
        {
            Decrement(tenantKey);
            Decrement(callerKey);
            return false;
        }

        return true;
    }

    public void EndOperation(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Decrement("ops:" + CallerKey(caller));
        Decrement("ops:tenant:" + caller.Tenant);
    }

    // A person is their subject; callers without one (configured API keys) by what they act as.
    private static string CallerKey(Caller caller) =>
        $"caller:{caller.Tenant}:{(caller.Subject.Length > 0 ? caller.Subject : $"{caller.Role}:{caller.Urn}")}";

    private int Increment(string key) => open.AddOrUpdate(key, 1, (_, n) => n + 1);

    private void Decrement(string key)
    {
        // Removed at zero, so the map holds only callers with sockets open.
        if (open.AddOrUpdate(key, 0, (_, n) => n - 1) <= 0) open.TryRemove(new KeyValuePair<string, int>(key, 0));
    }
}
