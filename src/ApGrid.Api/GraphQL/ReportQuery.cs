using ApGrid.Api.GraphQL.Views;
using global::GraphQL;

namespace ApGrid.Api.GraphQL;

/// <summary>
/// The LA report from the running aggregates: one call to the LA grain, whatever the LA's size.
/// Only LA officers see small numbers; everyone else gets them suppressed.
/// </summary>
public static class ReportQuery
{
    public static Task<LaReportView> GetAsync(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return GetAsync(context.LocalAuthority(), context.Caller());
    }

    /// <summary>The report as <paramref name="caller"/> may see it, for any API.</summary>
    public static async Task<LaReportView> GetAsync(ILocalAuthorityGrain localAuthority, Auth.Caller caller)
    {
        ArgumentNullException.ThrowIfNull(localAuthority);
        ArgumentNullException.ThrowIfNull(caller);
        var suppress = !caller.IsLaOfficer;
        var data = await localAuthority.GetReportAsync();
        return new LaReportView(
            data.AsOf,
            [.. data.PupilsInApByAge.OrderBy(p => p.Key).Select(p => new CountView(p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), StatisticalDisclosure.Count(p.Value, suppress)))],
            [new CountView("FULL_TIME", StatisticalDisclosure.Count(data.FullTime, suppress)), new CountView("PART_TIME", StatisticalDisclosure.Count(data.PartTime, suppress))],
            [.. Enum.GetValues<PlacementOutcome>().Select(o => new CountView(OutcomeKey(o), StatisticalDisclosure.Count(data.Outcomes.GetValueOrDefault(o), suppress)))],
            [.. data.LengthOfStay.OrderBy(r => r.Key).Select(row =>
            {
                var pupils = row.Value.Values.Sum();
                return new LengthOfStayRowView(
                    row.Key,
                    StatisticalDisclosure.Count(pupils, suppress),
                    [.. row.Value.OrderBy(c => c.Key).Select(c => new YearShareView(c.Key, StatisticalDisclosure.Percent(c.Value, pupils, suppress)))]);
            })],
            StatisticalDisclosure.Percent(data.EhcpIssuedWithin20Weeks, data.EhcpFinalIssued, suppress),
            StatisticalDisclosure.Count(data.EhcpFinalIssued, suppress),
            StatisticalDisclosure.Statistic(data.SpecialSchoolWaitMedianDays, data.PupilsWaiting, suppress),
            StatisticalDisclosure.Statistic(data.SpecialSchoolWaitP90Days, data.PupilsWaiting, suppress),
            StatisticalDisclosure.Count(data.PupilsWaitingInAp, suppress),
            data.OutreachHoursAllocated);
    }

    private static string OutcomeKey(PlacementOutcome outcome) => outcome switch
    {
        PlacementOutcome.ReturnedToMainstream => "RETURNED_TO_MAINSTREAM",
        PlacementOutcome.MovedToSpecialSchool => "MOVED_TO_SPECIAL_SCHOOL",
        PlacementOutcome.MovedToOtherAp => "MOVED_TO_OTHER_AP",
        PlacementOutcome.LeftEducation => "LEFT_EDUCATION",
        PlacementOutcome.ReachedSchoolLeavingAge => "REACHED_SCHOOL_LEAVING_AGE",
        _ => "OTHER",
    };
}
