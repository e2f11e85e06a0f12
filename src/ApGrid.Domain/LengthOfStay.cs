namespace ApGrid.Domain;

/// <summary>
/// The DfE study's Table 5 (Appendix D): for each pupil, the year group on first entering AP
/// against the year group on last leaving it, however many placements lie between. A pupil with
/// a placement still open has not left, so is counted apart as ongoing rather than as leaving in
/// their current year group.
/// </summary>
public static class LengthOfStay
{
    /// <param name="entryCohort">Only pupils whose first entry fell in the academic year starting 1 September of this year.</param>
    /// <param name="type">
    /// Only placements at this kind of AP, as the study's table counts stays "in state-funded AP":
    /// first entry into and last leaving of that kind. A pupil who attended two kinds is counted in
    /// each kind's table. Null: every placement.
    /// </param>
    public static StayTable Tabulate(IEnumerable<ApStint> stints, int? entryCohort = null, ApType? type = null)
    {
        ArgumentNullException.ThrowIfNull(stints);
        var finished = new SortedDictionary<int, SortedDictionary<int, int>>();
        var ongoing = new SortedDictionary<int, int>();
        foreach (var pupil in stints.Where(s => type is null || s.Type == type).GroupBy(s => s.PupilId, StringComparer.Ordinal))
        {
            var first = pupil.MinBy(s => s.Start)!;
            if (entryCohort is { } cohort && EntryCohortOf(first.Start) != cohort) continue;
            if (pupil.Any(s => s.End is null))
            {
                ongoing[first.StartYearGroup] = ongoing.GetValueOrDefault(first.StartYearGroup) + 1;
                continue;
            }

            var last = pupil.MaxBy(s => s.End!.Value)!;
            if (!finished.TryGetValue(first.StartYearGroup, out var row)) finished[first.StartYearGroup] = row = [];
            var lastYearGroup = last.EndYearGroup ?? last.StartYearGroup;
            row[lastYearGroup] = row.GetValueOrDefault(lastYearGroup) + 1;
        }

        return new StayTable(
            finished.ToDictionary(r => r.Key, r => (IReadOnlyDictionary<int, int>)new Dictionary<int, int>(r.Value)),
            new Dictionary<int, int>(ongoing));
    }

    /// <summary>The academic year (by the calendar year it starts in: 2026 is 2026/27) of a first entry.</summary>
    public static int EntryCohortOf(DateOnly firstEntry) => SchoolYear.AcademicYearStart(firstEntry).Year;
}
