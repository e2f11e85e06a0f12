using System.Globalization;
using ApGrid.Api.GraphQL.Views;
using ApGrid.Api.Rest;
using global::GraphQL;

namespace ApGrid.Api.GraphQL;

/// <summary>
/// The LA report from the running aggregates: one call to the LA grain, whatever the LA's size.
/// LA officers see the live figures; everyone else the published ones under disclosure control
/// (<see cref="PublishedFigures"/>).
/// </summary>
public static class ReportQuery
{
    public const string FourAndUnderKey = "4_AND_UNDER";

    /// <summary>Entry cohorts are academic years by the year they start; anything far outside the system's life is a typo.</summary>
    public const int FirstEntryCohort = 2000, LastEntryCohort = 2100;

    public static Task<LaReportView> GetAsync(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var filter = new LaReportFilter(
            EntryCohort(context.GetArgument<int?>("entryCohort")),
            context.GetArgument<ApType?>("apType"),
            context.GetArgument<DateOnly?>("censusDate"));
        return GetAsync(context.LocalAuthority(), context.Caller(), filter);
    }

    /// <exception cref="ApGridError">VALIDATION naming entryCohort.</exception>
    public static int? EntryCohort(int? value) =>
        value is null or (>= FirstEntryCohort and <= LastEntryCohort) ? value
        : throw ApGridError.Validation("entryCohort", $"entryCohort is the year the academic year of first entry starts in (2026 for 2026/27), from {FirstEntryCohort} to {LastEntryCohort}.");

    /// <summary>The report as <paramref name="caller"/> may see it, for any API.</summary>
    public static async Task<LaReportView> GetAsync(ILocalAuthorityGrain localAuthority, Auth.Caller caller, LaReportFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(localAuthority);
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsLaOfficer) return PublishedFigures.View(await localAuthority.GetPublishedReportAsync(filter ?? LaReportFilter.None));
        var data = await localAuthority.GetReportAsync(filter ?? LaReportFilter.None);
        var bands = await localAuthority.GetAttendanceBandsAsync();
        return new LaReportView(
            data.AsOf,
            [.. data.PupilsInApByAge.OrderBy(p => p.Key).Select(p => new CountView(p.Key.ToString(CultureInfo.InvariantCulture), p.Value))],
            [new CountView("FULL_TIME", data.FullTime), new CountView("PART_TIME", data.PartTime)],
            [.. Enum.GetValues<PlacementOutcome>().Select(o => new CountView(EnumNames<PlacementOutcome>.NameOf(o), data.Outcomes.GetValueOrDefault(o)))],
            [.. data.LengthOfStay.OrderBy(r => r.Key).Select(row =>
            {
                var pupils = row.Value.Values.Sum();
                return new LengthOfStayRowView(
                    row.Key,
                    pupils,
                    [.. row.Value.OrderBy(c => c.Key).Select(c => new YearShareView(c.Key, DisclosureControl.Percent(c.Value, pupils)))]);
            })],
            DisclosureControl.Percent(data.EhcpIssuedWithin20Weeks, data.EhcpFinalIssued),
            data.EhcpFinalIssued,
            data.SpecialSchoolWaitMedianDays,
            data.SpecialSchoolWaitP90Days,
            data.PupilsWaitingInAp,
            data.OutreachHoursAllocated,
            data.EntryCohort,
            data.ApType is { } type ? EnumNames<ApType>.NameOf(type) : null,
            [.. (data.OngoingStays ?? new Dictionary<int, int>()).OrderBy(r => r.Key).Select(r => new OngoingStayRowView(r.Key, r.Value))],
            data.CensusDate ?? SchoolCensus.JanuaryCensusDay(data.AsOf),
            [.. Enum.GetValues<ApType>().Select(t =>
            {
                var byAge = data.PupilsInApByTypeAndAge?.GetValueOrDefault(t) ?? new Dictionary<int, int>();
                return new ApTypeCountsView(
                    EnumNames<ApType>.NameOf(t),
                    byAge.Values.Sum(),
                    [.. byAge.OrderBy(a => a.Key).Select(a => new CountView(AgeKey(a.Key), a.Value))]);
            })],
            [.. Enum.GetValues<ApTier>().Select(t => new CountView(EnumNames<ApTier>.NameOf(t), data.PlacementsByTier?.GetValueOrDefault(t.ToString()) ?? 0)),
                new CountView(NotRecordedKey, data.PlacementsByTier?.GetValueOrDefault("") ?? 0)],
            [.. Enum.GetValues<AttendanceBand>().Select(b => new CountView(EnumNames<AttendanceBand>.NameOf(b), bands.GetValueOrDefault(b)))]);
    }

    /// <summary>The key of placements whose tier was not recorded (all made before tiers existed).</summary>
    public const string NotRecordedKey = "NOT_RECORDED";

    internal static string AgeKey(int ageBand) =>
        ageBand <= SchoolCensus.FourAndUnder ? FourAndUnderKey : ageBand.ToString(CultureInfo.InvariantCulture);
}
