namespace ApGrid.Domain.Returns;

/// <summary>
/// The school census AP placement module of one school: its own pupils (home school) in AP on
/// census day, by whichever route. A permanently excluded pupil is off the school's roll, so the
/// school does not return them.
/// </summary>
public static class SchoolCensusApModule
{
    public static ReturnResult<ApPlacementRow> Build(string schoolUrn, IEnumerable<ReturnPupil> pupils, DateOnly censusDate)
    {
        ArgumentNullException.ThrowIfNull(pupils);
        return ApPlacementRows.Build(
            pupils.Where(p => p.HomeSchoolUrn == schoolUrn).SelectMany(p => p.Placements
                .Where(a => a.RunsOn(censusDate) && a.Route != PlacementRoute.S19PermanentExclusion)
                .Select(a => (p, a))),
            censusDate);
    }
}
