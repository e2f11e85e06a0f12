namespace ApGrid.Domain.Gias;

/// <summary>
/// Follows a closed URN through the links file's successor links to the open establishments that
/// took its pupils: a school that became an academy and then joined another trust passes through
/// two closed URNs before reaching the open one.
/// </summary>
public sealed class SuccessorResolver
{
    private readonly Dictionary<string, List<string>> successors = new(StringComparer.Ordinal);

    public SuccessorResolver(IEnumerable<GiasLink> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        foreach (var link in links)
        {
            if (!link.IsSuccessor || link.LinkUrn == link.Urn) continue;
            if (!successors.TryGetValue(link.Urn, out var list)) successors[link.Urn] = list = [];
            if (!list.Contains(link.LinkUrn)) list.Add(link.LinkUrn);
        }
    }

    /// <summary>Every URN the successor links lead to from <paramref name="urn"/>, whatever their status: the establishments its pupils might end up at.</summary>
    public IReadOnlySet<string> Reachable(string urn)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([urn]);
        while (queue.Count > 0)
        {
            if (!successors.TryGetValue(queue.Dequeue(), out var next)) continue;
            foreach (var candidate in next.Where(c => c != urn && seen.Add(c))) queue.Enqueue(candidate);
        }

        return seen;
    }

    /// <param name="urn">The closed URN.</param>
    /// <param name="isClosed">
    /// Whether an establishment is known to be closed: a closed successor is passed through; any
    /// other ends the chain there (an establishment the file does not list is taken as it stands,
    /// since the links file names only real establishments).
    /// </param>
    public SuccessorResolution Resolve(string urn, Func<string, bool> isClosed)
    {
        ArgumentNullException.ThrowIfNull(isClosed);
        var found = new List<string>();
        var via = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { urn };
        var queue = new Queue<string>();
        queue.Enqueue(urn);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (!successors.TryGetValue(current, out var next)) continue;
            foreach (var candidate in next)
            {
                // A link back to a URN already on the path is a cycle: it leads nowhere new.
                if (!seen.Add(candidate)) continue;
                if (isClosed(candidate))
                {
                    via.Add(candidate);
                    queue.Enqueue(candidate);
                }
                else
                {
                    found.Add(candidate);
                }
            }
        }

        var outcome = found.Count switch
        {
            0 => SuccessorOutcome.None,
            1 => SuccessorOutcome.One,
            _ => SuccessorOutcome.Ambiguous,
        };
        return new SuccessorResolution(urn, outcome, found, via);
    }
}
