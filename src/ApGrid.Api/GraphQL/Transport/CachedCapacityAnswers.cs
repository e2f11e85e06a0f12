using System.Collections.Concurrent;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>
/// Serialised answers to capacity queries (<see cref="CapacityAnswerAdmission"/>), served again while
/// the LA's capacity index keeps the version they were computed at. Dashboards and LA teams ask the
/// same few questions over and over between changes; executing each one again cost the node most
/// of its CPU per request, and the more settings the answer held, the more.
/// </summary>
/// <remarks>
/// Every request still asks the LA grain for its version, so an answer is never older than a fresh
/// one would be: a change that has reached the index is in the next answer, on every node. An
/// answer is kept only the second time its request is computed: a stream of one-off requests (a
/// filter tried once) would otherwise fill memory with answers nobody asks for again. Each tenant
/// has its own budget, so one tenant's requests can never push out another's answers; a tenant
/// whose budget is spent starts afresh.
/// </remarks>
public sealed class CachedCapacityAnswers
{
    public const int MaxEntriesPerTenant = 200;
    public const long MaxBytesPerTenant = 4L * 1024 * 1024;
    private const int MaxSeenPerTenant = 2000;

    private readonly ConcurrentDictionary<string, TenantAnswers> tenants = new(StringComparer.Ordinal);

    public int Count => tenants.Values.Sum(t => t.Count);

    public bool Holds(CachedAnswerKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return tenants.TryGetValue(key.Tenant, out var tenant) && tenant.Holds(key);
    }

    public byte[]? Get(CachedAnswerKey key, CapacityIndexVersion version)
    {
        ArgumentNullException.ThrowIfNull(key);
        return tenants.TryGetValue(key.Tenant, out var tenant) ? tenant.Get(key, version) : null;
    }

    /// <summary>Keeps the answer if its request was computed before; see the remarks.</summary>
    public void Add(CachedAnswerKey key, CachedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(answer);
        tenants.GetOrAdd(key.Tenant, _ => new TenantAnswers()).Add(key, answer);
    }

    private sealed class TenantAnswers
    {
        private readonly Lock gate = new();
        private readonly Dictionary<CachedAnswerKey, CachedAnswer> answers = [];

        // Hashes of requests computed once; a collision only keeps an answer on its first computation.
        private readonly HashSet<int> seen = [];
        private long bytes;

        public int Count
        {
            get
            {
                lock (gate) return answers.Count;
            }
        }

        public bool Holds(CachedAnswerKey key)
        {
            lock (gate) return answers.ContainsKey(key);
        }

        public byte[]? Get(CachedAnswerKey key, CapacityIndexVersion version)
        {
            lock (gate) return answers.TryGetValue(key, out var answer) && answer.Version == version ? answer.Body : null;
        }

        public void Add(CachedAnswerKey key, CachedAnswer answer)
        {
            var size = key.Length + answer.Body.Length;
            if (size > MaxBytesPerTenant / 16) return;
            lock (gate)
            {
                if (answers.TryGetValue(key, out var held))
                {
                    // A slower computation at an older version must not replace a newer answer.
                    if (held.Version.Epoch == answer.Version.Epoch && held.Version.Change >= answer.Version.Change) return;
                    answers[key] = answer;
                    bytes += answer.Body.Length - held.Body.Length;
                    return;
                }

                if (seen.Add(key.GetHashCode()))
                {
                    if (seen.Count > MaxSeenPerTenant) seen.Clear();
                    return;
                }

                if (answers.Count >= MaxEntriesPerTenant || bytes + size > MaxBytesPerTenant)
                {
                    answers.Clear();
                    bytes = 0;
                }

                answers[key] = answer;
                bytes += size;
            }
        }
    }
}
