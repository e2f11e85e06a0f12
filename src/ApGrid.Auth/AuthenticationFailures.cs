using System.Collections.Concurrent;
using System.Net;

namespace ApGrid.Auth;

/// <summary>
/// Counts refused credentials per source address in a fixed window (API keys, bearer tokens, a
/// WebSocket's connection_init): past the limit, that source gets 429 (a socket 4429) for the rest
/// of the window whatever it presents, so guessing is bounded per address and per process
/// (ApiKeysLimits section: MaxFailuresPerSource, FailureWindow).
/// </summary>
public sealed class AuthenticationFailures(int limit, TimeSpan window, TimeProvider clock)
{
    private readonly ConcurrentDictionary<IPAddress, (DateTimeOffset Start, int Count)> failures = new();

    /// <summary>
    /// Set where the limit is enforced: the public face (gateway, `all`). Behind a gateway every
    /// request comes from the gateway's address, which must never be blocked for all its clients.
    /// </summary>
    public bool Enforced { get; set; }

    public void Failed(IPAddress? source)
    {
        if (source is null) return;
        var now = clock.GetUtcNow();
        if (failures.Count > 100_000) failures.Clear();
        failures.AddOrUpdate(source, _ => (now, 1), (_, f) => now - f.Start >= window ? (now, 1) : (f.Start, f.Count + 1));
    }

    /// <summary>How long the source must wait, or null when it may try.</summary>
    public TimeSpan? Blocked(IPAddress? source)
    {
        if (source is null || !failures.TryGetValue(source, out var f)) return null;
        var left = f.Start + window - clock.GetUtcNow();
        // This request's own refusal is counted already: the first limit refusals are answered 401, the rest 429.
        return f.Count > limit && left > TimeSpan.Zero ? left : null;
    }

    /// <summary>Whole seconds for a Retry-After, at least one.</summary>
    public static int RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
