using System.Globalization;
using ApGrid.Api.GraphQL.Views;
using ApGrid.Api.Rest;

namespace ApGrid.Api.GraphQL;

/// <summary>
/// The report as everyone outside the LA sees it: the published snapshot (see
/// <see cref="ILocalAuthorityGrain.GetPublishedReportAsync"/>) put through <see cref="DisclosureControl"/>.
/// Each group of figures that counts the same children is protected as one <see cref="CountTable"/>,
/// its sums tied together, so a withheld figure cannot be worked out from another list's total. Every
/// list has a fixed set of keys (all ages and year groups of compulsory school), because a key that
/// appears only when its count is not zero would say what the withheld zero hides.
/// </summary>
public static class PublishedFigures
{
    /// <summary>Age on 31 August from Reception to Year 11, and year groups Reception (0) to Year 11.</summary>
    private static readonly int[] Ages = [.. Enumerable.Range(4, 12)];
    private static readonly int[] YearGroups = [.. Enumerable.Range(0, 12)];

    public static LaReportView View(PublishedReport published)
    {
        ArgumentNullException.ThrowIfNull(published);
        var data = published.Data;

        // Pupils in AP now: by age, by hours and by attendance band are the same children.
        var ages = Ages.Union(data.PupilsInApByAge.Keys).Order().ToList();
        var bands = Enum.GetValues<AttendanceBand>();
        var byAge = CountTable.OneWay([.. ages.Select(a => data.PupilsInApByAge.GetValueOrDefault(a))], totalPublished: false);
        var byHours = CountTable.OneWay([data.FullTime, data.PartTime], totalPublished: false);
        var byBand = CountTable.OneWay([.. bands.Select(b => published.AttendanceBands.GetValueOrDefault(b))], totalPublished: false);
        var ongoingYears = YearGroups.Union((data.OngoingStays ?? new Dictionary<int, int>()).Keys).Order().ToList();
        var ongoing = CountTable.OneWay([.. ongoingYears.Select(y => data.OngoingStays?.GetValueOrDefault(y) ?? 0)], totalPublished: false);
        int hoursAt = byAge.Counts.Count, bandAt = hoursAt + byHours.Counts.Count, ongoingAt = bandAt + byBand.Counts.Count;
        var inAp = byAge.With(byHours).With(byBand).Same(ages.Count, bandAt - 1).Same(ages.Count, ongoingAt - 1);

        // Stays still going are the pupils in AP now, unless the report is narrowed to a cohort or kind.
        var narrowed = data.EntryCohort is not null || data.ApType is not null;
        inAp = inAp.With(ongoing);
        if (!narrowed) inAp = inAp.Same(ages.Count, ongoingAt + ongoingYears.Count);
        var inApShown = DisclosureControl.Publish(inAp);

        var tiers = Enum.GetValues<ApTier>().Select(t => data.PlacementsByTier?.GetValueOrDefault(t.ToString()) ?? 0).Append(data.PlacementsByTier?.GetValueOrDefault("") ?? 0).ToList();
        var tiersShown = DisclosureControl.Publish(CountTable.OneWay(tiers, totalPublished: false));
        var outcomesShown = DisclosureControl.Publish(CountTable.OneWay([.. Enum.GetValues<PlacementOutcome>().Select(o => data.Outcomes.GetValueOrDefault(o))], totalPublished: false));
        var ehcpShown = DisclosureControl.Publish(CountTable.OneWay([data.EhcpIssuedWithin20Weeks, data.EhcpFinalIssued - data.EhcpIssuedWithin20Weeks], totalPublished: true));

        return new LaReportView(
            data.AsOf,
            [.. ages.Select((a, i) => new CountView(a.ToString(CultureInfo.InvariantCulture), inApShown[i]))],
            [new CountView("FULL_TIME", inApShown[hoursAt]), new CountView("PART_TIME", inApShown[hoursAt + 1])],
            [.. Enum.GetValues<PlacementOutcome>().Select((o, i) => new CountView(EnumNames<PlacementOutcome>.NameOf(o), outcomesShown[i]))],
            FinishedStays(data.LengthOfStay),
            DisclosureControl.Percent(ehcpShown[0], ehcpShown[2]),
            ehcpShown[2],
            DisclosureControl.Statistic(data.SpecialSchoolWaitMedianDays, data.PupilsWaiting),
            DisclosureControl.Statistic(data.SpecialSchoolWaitP90Days, data.PupilsWaiting),
            DisclosureControl.Publish(CountTable.OneWay([data.PupilsWaitingInAp], totalPublished: false))[0],
            DisclosureControl.Round((int)Math.Round(data.OutreachHoursAllocated)),
            data.EntryCohort,
            data.ApType is { } type ? EnumNames<ApType>.NameOf(type) : null,
            [.. ongoingYears.Select((y, i) => new OngoingStayRowView(y, inApShown[ongoingAt + i]))],
            data.CensusDate ?? SchoolCensus.JanuaryCensusDay(data.AsOf),
            OnCensusDay(data.PupilsInApByTypeAndAge),
            [.. Enum.GetValues<ApTier>().Select((t, i) => new CountView(EnumNames<ApTier>.NameOf(t), tiersShown[i])), new CountView(ReportQuery.NotRecordedKey, tiersShown[tiers.Count - 1])],
            [.. bands.Select((b, i) => new CountView(EnumNames<AttendanceBand>.NameOf(b), inApShown[bandAt + i]))],
            published.TakenAt);
    }

    /// <summary>SEN2's timeliness as published: the three counts protected together, the share of the shown counts.</summary>
    public static EhcpTimelinessView Timeliness(int? calendarYear, EhcTimelinessCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var shown = DisclosureControl.Publish(CountTable.OneWay([counts.IssuedWithin20Weeks, counts.Counted - counts.IssuedWithin20Weeks, counts.Excluded], totalPublished: true));
        return new EhcpTimelinessView(calendarYear, shown[3], shown[2], shown[0], DisclosureControl.Percent(shown[0], shown[0] + shown[1]));
    }

    /// <summary>First year group × last, the row totals published as pupils and the cells as shares of the shown row.</summary>
    private static IReadOnlyList<LengthOfStayRowView> FinishedStays(IReadOnlyDictionary<int, IReadOnlyDictionary<int, int>> stays)
    {
        var years = YearGroups.Union(stays.Keys).Union(stays.Values.SelectMany(r => r.Keys)).Order().ToList();
        var interior = new int[years.Count, years.Count];
        for (var r = 0; r < years.Count; r++)
            for (var c = 0; c < years.Count; c++)
                interior[r, c] = stays.GetValueOrDefault(years[r])?.GetValueOrDefault(years[c]) ?? 0;
        var shown = DisclosureControl.Publish(CountTable.TwoWay(interior, columnTotalsPublished: false, grandTotalPublished: false));
        return [.. years.Select((first, r) =>
        {
            var pupils = shown[CountTable.RowTotal(r, years.Count, years.Count)];
            return new LengthOfStayRowView(first, pupils,
                [.. years.Select((last, c) => (last, c)).Where(x => x.last >= first)
                    .Select(x => new YearShareView(x.last, DisclosureControl.Percent(shown[CountTable.Cell(r, x.c, years.Count)], pupils)))]);
        })];
    }

    /// <summary>Kind of AP × age band on the census day; each kind's total published, the ages' and the grand total not.</summary>
    private static IReadOnlyList<ApTypeCountsView> OnCensusDay(IReadOnlyDictionary<ApType, IReadOnlyDictionary<int, int>>? byTypeAndAge)
    {
        var types = Enum.GetValues<ApType>();
        var ages = Ages.Union(byTypeAndAge?.Values.SelectMany(a => a.Keys) ?? []).Order().ToList();
        var interior = new int[types.Length, ages.Count];
        for (var r = 0; r < types.Length; r++)
            for (var c = 0; c < ages.Count; c++)
                interior[r, c] = byTypeAndAge?.GetValueOrDefault(types[r])?.GetValueOrDefault(ages[c]) ?? 0;
        var shown = DisclosureControl.Publish(CountTable.TwoWay(interior, columnTotalsPublished: false, grandTotalPublished: false));
        return [.. types.Select((t, r) => new ApTypeCountsView(
            EnumNames<ApType>.NameOf(t),
            shown[CountTable.RowTotal(r, types.Length, ages.Count)],
            [.. ages.Select((a, c) => new CountView(ReportQuery.AgeKey(a), shown[CountTable.Cell(r, c, ages.Count)]))]))];
    }
}
