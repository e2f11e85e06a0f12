namespace ApGrid.Grains;

/// <summary>
/// Running placement aggregates of one LA. Each start and end adjusts counts in place, so the
/// current figures are read without visiting a single pupil. The figures over time (length of
/// stay, pupils in AP on a chosen day) are computed per request from one stint per placement the
/// LA has ever had: a few hundred bytes each, so tens of thousands in the largest LA, and no pupil
/// grain is called.
/// </summary>
[GenerateSerializer, Alias("ApGrid.PlacementAggregates")]
public sealed class PlacementAggregates
{
    [Id(0)] public Dictionary<string, ActivePlacementEntry> Active { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public HashSet<string> Ended { get; set; } = new(StringComparer.Ordinal);
    [Id(2)] public Dictionary<PlacementOutcome, int> Outcomes { get; set; } = [];

    // Id(3) (stays by pupil) and Id(4) (a running first × last year table) are retired: they counted
    // a pupil still in AP as leaving in their current year and could not be filtered by cohort or
    // kind. Never reuse the numbers. Placements started before Stints existed are missing from the
    // figures over time (the demo data is reseeded).

    /// <summary>Placement id → its stint.</summary>
    [Id(5)] public Dictionary<string, StintEntry> Stints { get; set; } = new(StringComparer.Ordinal);

    /// <returns>Whether anything changed.</returns>
    /// <param name="at">When the LA learnt of it, so figures published outside the LA can be taken as of a moment.</param>
    public bool Started(PlacementFact fact, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (Active.ContainsKey(fact.PlacementId) || Ended.Contains(fact.PlacementId)) return false;
        Active[fact.PlacementId] = new ActivePlacementEntry(fact.PupilId, fact.DateOfBirth, fact.FullTime, fact.Tier);
        if (fact.Date is { } start)
        {
            Stints[fact.PlacementId] = new StintEntry(fact.PupilId, fact.DateOfBirth, fact.ApType, start, fact.YearGroup, End: null, EndYearGroup: null, RecordedAt: at);
        }

        return true;
    }

    public bool EndedWith(PlacementFact fact, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (Ended.Contains(fact.PlacementId) || fact.Outcome is not { } outcome) return false;
        Active.Remove(fact.PlacementId);
        Ended.Add(fact.PlacementId);
        Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;
        if (fact.Date is { } end && Stints.TryGetValue(fact.PlacementId, out var stint))
        {
            Stints[fact.PlacementId] = stint with { End = end, EndYearGroup = fact.YearGroup, Type = stint.Type ?? fact.ApType, EndRecordedAt = at };
        }

        return true;
    }

    /// <summary>
    /// Unlinks a pupil's past placements from them once their placement records are past retention
    /// (ADR 020): the stints stay for the figures over time, under <paramref name="alias"/> and keys
    /// that no longer embed the pupil's id, with the date of birth coarsened to its month.
    /// </summary>
    /// <returns>Whether anything changed; a second call for the same pupil changes nothing.</returns>
    public bool Anonymise(string pupilId, string alias)
    {
        ArgumentNullException.ThrowIfNull(alias);
        var changed = false;
        foreach (var (id, stint) in Stints.Where(p => p.Value.PupilId == pupilId && !Active.ContainsKey(p.Key)).ToList())
        {
            // Placement ids are "{pupilId}.pl…": the alias takes the pupil's part.
            var aliasId = alias + id[pupilId.Length..];
            Stints.Remove(id);
            Stints[aliasId] = stint with { PupilId = alias, DateOfBirth = new DateOnly(stint.DateOfBirth.Year, stint.DateOfBirth.Month, 1) };
            if (Ended.Remove(id)) Ended.Add(aliasId);
            changed = true;
        }

        return changed;
    }

    public LaReportData Report(DateOnly asOf) => Report(asOf, LaReportFilter.None);

    /// <param name="recordedBefore">When given, the figures over time count only what was recorded before it (see <see cref="StintEntry.RecordedBefore"/>).</param>
    public LaReportData Report(DateOnly asOf, LaReportFilter filter, DateTimeOffset? recordedBefore = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var stints = Stints.Values
            .Select(s => recordedBefore is { } cut ? s.RecordedBefore(cut) : s)
            .OfType<StintEntry>()
            .Select(s => s.ToStint())
            .ToList();
        var stays = LengthOfStay.Tabulate(stints, filter.EntryCohort, filter.ApType);
        var censusDate = filter.CensusDate ?? SchoolCensus.JanuaryCensusDay(asOf);

        // A pupil with a package holds several placements: the counts of pupils count them once,
        // full time if any placement holds a full-time place.
        var pupils = Active.Values.GroupBy(a => a.PupilId).Select(g => (g.First().DateOfBirth, FullTime: g.Any(a => a.FullTime))).ToList();
        return new LaReportData(
            asOf,
            pupils.GroupBy(p => SchoolYear.AgeOn31August(p.DateOfBirth, asOf)).ToDictionary(g => g.Key, g => g.Count()),
            pupils.Count(p => p.FullTime),
            pupils.Count(p => !p.FullTime),
            new Dictionary<PlacementOutcome, int>(Outcomes),
            stays.Finished,
            OngoingStays: stays.Ongoing,
            PupilsInApByTypeAndAge: SchoolCensus.PupilsInApByTypeAndAge(stints, censusDate),
            CensusDate: censusDate,
            EntryCohort: filter.EntryCohort,
            ApType: filter.ApType,
            PlacementsByTier: Active.Values.GroupBy(a => a.Tier).ToDictionary(g => g.Key is { } tier ? tier.ToString() : "", g => g.Count()));
    }
}
