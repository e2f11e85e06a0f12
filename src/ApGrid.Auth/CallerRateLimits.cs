using System.Threading.RateLimiting;

namespace ApGrid.Auth;

/// <summary>
/// Per-tenant and per-API-key fixed windows, chained: a call must fit both. One instance serves the
/// public face's HTTP requests and, in the same process, every WebSocket operation, so a socket
/// is no way around a tenant's or a key's allowance.
/// </summary>
public sealed class CallerRateLimits : IDisposable
{
    private readonly TimeSpan tenantWindow;

    public CallerRateLimits(int tenantPermits, TimeSpan tenantWindow, int keyPermits, TimeSpan keyWindow)
    {
        this.tenantWindow = tenantWindow;
        Limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<(string? Tenant, string? ApiKey), string>(call => call.Tenant is { } tenant
                ? RateLimitPartition.GetFixedWindowLimiter("tenant:" + tenant, _ => Window(tenantPermits, tenantWindow))
                // Nobody to count against: anonymous paths are health, OpenAPI and WebSocket upgrades.
                : RateLimitPartition.GetNoLimiter("anonymous")),
            PartitionedRateLimiter.Create<(string? Tenant, string? ApiKey), string>(call => call.ApiKey is { } key
                ? RateLimitPartition.GetFixedWindowLimiter("key:" + key, _ => Window(keyPermits, keyWindow))
                : RateLimitPartition.GetNoLimiter("no-key")));
    }

    public PartitionedRateLimiter<(string? Tenant, string? ApiKey)> Limiter { get; }

    /// <summary>Counts one call; null when it may go ahead, else how long to wait.</summary>
    public TimeSpan? TryAcquire(string? tenant, string? apiKey)
    {
        using var lease = Limiter.AttemptAcquire((tenant, apiKey));
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : tenantWindow;
    }

    public void Dispose() => Limiter.Dispose();

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
