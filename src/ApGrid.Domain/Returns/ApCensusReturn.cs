namespace ApGrid.Domain.Returns;

/// <summary>
/// The AP census: pupils the LA has placed (panel, section 19 and section 61 routes) in AP on census
/// day at settings that make no school census of their own (independent schools and unregistered
/// providers). Pupils in PRUs, AP academies and AP free schools are counted by those settings'
/// school census, and school-arranged AP by the home school's AP placement module.
/// </summary>
public static class ApCensusReturn
{
    public static bool IsLaArranged(PlacementRoute route) => route is not (PlacementRoute.OffSiteDirection or PlacementRoute.SuspensionProvision);

    public static bool MakesNoSchoolCensus(ApSettingType? type) => type is ApSettingType.IndependentSchool or ApSettingType.UnregisteredProvider;

    public static ReturnResult<ApPlacementRow> Build(IEnumerable<ReturnPupil> pupils, DateOnly censusDate)
    {
        ArgumentNullException.ThrowIfNull(pupils);
        return ApPlacementRows.Build(
            pupils.SelectMany(p => p.Placements
                .Where(a => a.RunsOn(censusDate) && IsLaArranged(a.Route) && MakesNoSchoolCensus(a.Setting.ApType))
                .Select(a => (p, a))),
            censusDate);
    }
}
