using System.Collections.Concurrent;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>
/// Serialised answers to capacity queries (<see cref="CapacityAnswerAdmission"/>), served again while
/// the LA's capacity index keeps the version read before they were computed. Dashboards and LA
/// teams ask the same few questions over and over between changes; executing each one again cost
/// the node most of its CPU per request, and the more settings the answer held, the more.
/// </summary>
/// <remarks>
/// Every request still asks the LA grain for its version, so an answer is never older than a fresh
/// one would be: a change that has reached the index is in the next answer, on every node. The
/// version is read before the answer is computed, so a change that lands during the computation
/// only makes the stored answer miss. An answer is kept only the second time its request is
/// computed: a stream of one-off requests (a filter tried once) would otherwise fill memory with
/// answers nobody asks for again, and cost the collector more than the answers save. Bounded: when
/// full it starts afresh.
/// </remarks>
public sealed class CachedCapacityAnswers
{
    private const int MaxEntries = 1000;
    private const long MaxBytes = 64L * 1024 * 1024;

    private const int MaxSeen = 10_000;

    private readonly ConcurrentDictionary<CachedAnswerKey, CachedAnswer> answers = new();

    // Hashes of requests computed once; a collision only keeps an answer on its first computation.
    private readonly ConcurrentDictionary<int, bool> seen = new();
    private long bytes;

    public int Count => answers.Count;

    public bool Holds(CachedAnswerKey key) => answers.ContainsKey(key);

    public static Task<CapacityIndexVersion> VersionAsync(IGrainFactory grains, string tenant)
    {
        ArgumentNullException.ThrowIfNull(grains);
        TenantContext.Set(tenant);
        return grains.GetGrain<ILocalAuthorityGrain>(tenant).GetCapacityVersionAsync();
    }

    public byte[]? Get(CachedAnswerKey key, CapacityIndexVersion version) =>
        answers.TryGetValue(key, out var answer) && answer.Version == version ? answer.Body : null;

    /// <summary>Keeps the answer if its request was computed before; see the remarks.</summary>
    public void Add(CachedAnswerKey key, CachedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(answer);
        if (!answers.ContainsKey(key) && seen.TryAdd(key.GetHashCode(), true))
        {
            if (seen.Count > MaxSeen) seen.Clear();
            return;
        }

        var size = key.Length + answer.Body.Length;
        if (answers.Count >= MaxEntries || Interlocked.Read(ref bytes) + size > MaxBytes)
        {
            answers.Clear();
            Interlocked.Exchange(ref bytes, 0);
        }

        if (answers.TryGetValue(key, out var replaced) && answers.TryUpdate(key, answer, replaced))
        {
            Interlocked.Add(ref bytes, answer.Body.Length - replaced.Body.Length);
        }
        else if (answers.TryAdd(key, answer))
        {
            Interlocked.Add(ref bytes, size);
        }
    }
}
