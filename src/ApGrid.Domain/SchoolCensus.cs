namespace ApGrid.Domain;

/// <summary>
/// Counting pupils in AP as the January school census and AP census do (the study's Appendix B):
/// on one day, by age on the 31 August before that academic year, with every age up to 4 in one
/// "4 and under" band.
/// </summary>
public static class SchoolCensus
{
    /// <summary>The band that holds every age up to and including 4.</summary>
    public const int FourAndUnder = 4;

    /// <summary>The spring census day: the third Thursday of January in the academic year containing <paramref name="date"/>.</summary>
    public static DateOnly JanuaryCensusDay(DateOnly date)
    {
        var first = new DateOnly(SchoolYear.AcademicYearStart(date).Year + 1, 1, 1);
        var firstThursday = first.AddDays(((int)DayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7);
        return firstThursday.AddDays(14);
    }

    /// <summary>Age on the 31 August before <paramref name="date"/>'s academic year, with ages up to 4 (and the not yet born) as <see cref="FourAndUnder"/>.</summary>
    public static int AgeBand(DateOnly dateOfBirth, DateOnly date)
    {
        var cutOff = SchoolYear.AcademicYearStart(date).AddDays(-1);
        return dateOfBirth > cutOff ? FourAndUnder : Math.Max(FourAndUnder, SchoolYear.AgeOn(dateOfBirth, cutOff));
    }

    /// <summary>
    /// Pupils in AP on <paramref name="date"/> by kind of AP and age band. A pupil in two kinds that
    /// day counts in each; in two placements of one kind, once.
    /// </summary>
    public static IReadOnlyDictionary<ApType, IReadOnlyDictionary<int, int>> PupilsInApByTypeAndAge(IEnumerable<ApStint> stints, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(stints);
        return stints
            .Where(s => s.Type is not null && s.InApOn(date))
            .DistinctBy(s => (s.PupilId, s.Type))
            .GroupBy(s => s.Type!.Value)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<int, int>)g.GroupBy(s => AgeBand(s.DateOfBirth, date)).ToDictionary(a => a.Key, a => a.Count()));
    }
}
