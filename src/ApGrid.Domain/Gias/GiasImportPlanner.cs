namespace ApGrid.Domain.Gias;

/// <summary>
/// Works out an import: which establishments to create, which to update (and close), and where the
/// pupils of each closed one go. Pure, so a dry run and a real run plan the same thing.
/// </summary>
public static class GiasImportPlanner
{
    /// <param name="rows">The file's rows for this tenant.</param>
    /// <param name="existing">What ApGrid holds for this tenant, by URN, as facts.</param>
    /// <param name="resolver">The links file's successors (empty without a links file).</param>
    public static GiasImportPlan Plan(IReadOnlyList<GiasEstablishment> rows, IReadOnlyDictionary<string, GiasFacts> existing, SuccessorResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(resolver);
        var creates = new List<GiasChange>();
        var updates = new List<GiasChange>();
        var skipped = new List<GiasSkip>();
        var unchanged = 0;
        var closed = new HashSet<string>(existing.Where(e => e.Value.Closed).Select(e => e.Key), StringComparer.Ordinal);
        foreach (var row in rows.OrderBy(r => r.Urn, StringComparer.Ordinal))
        {
            var gias = GiasFacts.From(row);
            if (row.Status == GiasStatus.Closed) closed.Add(row.Urn); else closed.Remove(row.Urn);
            if (existing.TryGetValue(row.Urn, out var held))
            {
                if (gias.Kind != held.Kind)
                {
                    skipped.Add(new GiasSkip(row.Urn, row.Name, $"ApGrid holds it as {Words(held.Kind)}; GIAS's type \"{row.TypeName}\" makes it {Words(gias.Kind)}."));
                    continue;
                }

                var updated = held.UpdatedBy(gias);
                var changed = held.Differences(updated);
                if (changed.Count == 0) unchanged++; else updates.Add(new GiasChange(row.Urn, updated, changed));
                continue;
            }

            var reason = gias.Kind switch
            {
                GiasKind.NotImported => $"GIAS type \"{row.TypeName}\" is not a school, AP setting or special school pupils are placed at.",
                _ when !row.IsOpen => row.Status == GiasStatus.Closed ? "closed, and not in ApGrid." : "not open yet.",
                _ when gias.Location is null => "no Easting/Northing: ApGrid needs a location to measure journeys.",
                GiasKind.ApSetting when gias.KeyStages.Count == 0 => "no statutory ages within compulsory schooling, so no key stage to serve.",
                _ => null,
            };
            if (reason is null) creates.Add(new GiasChange(row.Urn, gias, ["created"]));

            // Rows of types ApGrid never holds are many (colleges, nurseries); only the others are worth the LA's reading.
            else if (gias.Kind != GiasKind.NotImported) skipped.Add(new GiasSkip(row.Urn, row.Name, reason));
        }

        var heldUrns = new HashSet<string>(existing.Keys, StringComparer.Ordinal);
        var successions = closed
            .Where(heldUrns.Contains)
            .Order(StringComparer.Ordinal)
            .Select(urn => resolver.Resolve(urn, closed.Contains))
            .ToList();
        return new GiasImportPlan(creates, updates, successions, skipped, unchanged);
    }

    private static string Words(GiasKind kind) => kind switch
    {
        GiasKind.School => "a school",
        GiasKind.ApSetting => "an AP setting",
        GiasKind.SpecialSchool => "a special school",
        _ => "an establishment ApGrid does not hold",
    };
}
