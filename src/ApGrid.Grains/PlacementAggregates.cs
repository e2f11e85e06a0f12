namespace ApGrid.Grains;

/// <summary>
/// Running placement aggregates of one LA. Each start and end adjusts counts in place, so the report
/// reads them without visiting a single pupil: its cost follows the number of pupils in AP now (at
/// most the places on offer), not the number of pupils the LA has ever had.
/// </summary>
[GenerateSerializer, Alias("ApGrid.PlacementAggregates")]
public sealed class PlacementAggregates
{
    [Id(0)] public Dictionary<string, ActivePlacementEntry> Active { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public HashSet<string> Ended { get; set; } = new(StringComparer.Ordinal);
    [Id(2)] public Dictionary<PlacementOutcome, int> Outcomes { get; set; } = [];
    [Id(3)] public Dictionary<string, StayEntry> Stays { get; set; } = new(StringComparer.Ordinal);

    /// <summary>first year group in AP → last year group in AP → pupils.</summary>
    [Id(4)] public Dictionary<int, Dictionary<int, int>> LengthOfStay { get; set; } = [];

    /// <returns>Whether anything changed.</returns>
    public bool Started(PlacementFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (Active.ContainsKey(fact.PlacementId) || Ended.Contains(fact.PlacementId)) return false;
        Active[fact.PlacementId] = new ActivePlacementEntry(fact.PupilId, fact.DateOfBirth, fact.FullTime);
        MoveStay(fact.PupilId, fact.YearGroup);
        return true;
    }

    public bool EndedWith(PlacementFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (Ended.Contains(fact.PlacementId) || fact.Outcome is not { } outcome) return false;
        Active.Remove(fact.PlacementId);
        Ended.Add(fact.PlacementId);
        Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;
        MoveStay(fact.PupilId, fact.YearGroup);
        return true;
    }

    public LaReportData Report(DateOnly asOf) => new(
        asOf,
        Active.Values.GroupBy(a => SchoolYear.AgeOn31August(a.DateOfBirth, asOf)).ToDictionary(g => g.Key, g => g.Count()),
        Active.Values.Count(a => a.FullTime),
        Active.Values.Count(a => !a.FullTime),
        new Dictionary<PlacementOutcome, int>(Outcomes),
        LengthOfStay.ToDictionary(r => r.Key, r => (IReadOnlyDictionary<int, int>)new Dictionary<int, int>(r.Value)));

    private void MoveStay(string pupilId, int yearGroup)
    {
        if (Stays.TryGetValue(pupilId, out var stay))
        {
            if (stay.LastYearGroup == yearGroup) return;
            Count(stay.FirstYearGroup, stay.LastYearGroup, -1);
            stay = stay with { LastYearGroup = Math.Max(stay.LastYearGroup, yearGroup) };
        }
        else
        {
            stay = new StayEntry(yearGroup, yearGroup);
        }

        Stays[pupilId] = stay;
        Count(stay.FirstYearGroup, stay.LastYearGroup, +1);
    }

    private void Count(int first, int last, int by)
    {
        if (!LengthOfStay.TryGetValue(first, out var row)) LengthOfStay[first] = row = [];
        row[last] = row.GetValueOrDefault(last) + by;
        if (row[last] == 0) row.Remove(last);
    }
}
