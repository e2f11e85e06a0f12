using System.Collections.Concurrent;
using System.Net;

namespace ApGrid.Auth;

/// <summary>
/// Counts refused API keys per source address in a fixed window: past the limit, that source gets
/// 429 for the rest of the window whatever it presents, so guessing keys is bounded per address
/// and per gateway (ApiKeys section: MaxFailuresPerSource, FailureWindow).
/// </summary>
public sealed class ApiKeyFailures(int limit, TimeSpan window, TimeProvider clock)
{
    private readonly ConcurrentDictionary<IPAddress, (DateTimeOffset Start, int Count)> failures = new();

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
}
