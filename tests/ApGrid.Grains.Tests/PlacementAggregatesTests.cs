using ApGrid.Domain;
using ApGrid.Grains.Abstractions;

namespace ApGrid.Grains.Tests;

/// <summary>The running aggregates against journeys whose length-of-stay table is known by hand.</summary>
public sealed class PlacementAggregatesTests
{
    private static readonly DateOnly Born = new(2016, 3, 1);
    private static readonly DateOnly Autumn2026 = new(2026, 10, 5);

    [Fact]
    public void The_length_of_stay_table_counts_each_pupil_once_from_first_entry_to_last_leaving()
    {
        var aggregates = new PlacementAggregates();
        // Pupil a: Year 3 only. Pupil b: Year 3 then again in Year 5. Pupil c: Year 4 to Year 6. Pupil d: Year 4, still in AP.
        Start(aggregates, "a1", "a", 3, Autumn2026); End(aggregates, "a1", "a", 3, Autumn2026.AddDays(60), PlacementOutcome.ReturnedToMainstream);
        Start(aggregates, "b1", "b", 3, Autumn2026); End(aggregates, "b1", "b", 3, Autumn2026.AddDays(60), PlacementOutcome.ReturnedToMainstream);
        Start(aggregates, "b2", "b", 5, Autumn2026.AddYears(2)); End(aggregates, "b2", "b", 5, Autumn2026.AddYears(2).AddDays(30), PlacementOutcome.MovedToSpecialSchool);
        Start(aggregates, "c1", "c", 4, Autumn2026); End(aggregates, "c1", "c", 6, Autumn2026.AddYears(2), PlacementOutcome.Other);
        Start(aggregates, "d1", "d", 4, Autumn2026);

        var report = aggregates.Report(new DateOnly(2029, 11, 23));

        Assert.Equal(new Dictionary<int, int> { [3] = 1, [5] = 1 }, report.LengthOfStay[3]);
        Assert.Equal(new Dictionary<int, int> { [6] = 1 }, report.LengthOfStay[4]);
        Assert.Equal(new Dictionary<int, int> { [4] = 1 }, report.OngoingStays);
        Assert.Equal(2, report.Outcomes[PlacementOutcome.ReturnedToMainstream]);
        Assert.Equal((1, 0), (report.PartTime, report.FullTime));
    }

    [Fact]
    public void A_placement_reported_twice_counts_once()
    {
        var aggregates = new PlacementAggregates();
        Start(aggregates, "x1", "x", 7, Autumn2026);
        Start(aggregates, "x1", "x", 7, Autumn2026);
        End(aggregates, "x1", "x", 8, Autumn2026.AddYears(1), PlacementOutcome.LeftEducation);
        End(aggregates, "x1", "x", 8, Autumn2026.AddYears(1), PlacementOutcome.LeftEducation);

        var report = aggregates.Report(new DateOnly(2028, 11, 23));

        Assert.Equal(1, report.Outcomes[PlacementOutcome.LeftEducation]);
        Assert.Equal(0, report.PartTime);
        Assert.Equal(1, Assert.Single(Assert.Single(report.LengthOfStay).Value).Value);
        Assert.Equal(1, report.LengthOfStay[7][8]);
    }

    [Fact]
    public void The_entry_cohort_and_kind_of_ap_choose_whose_stays_are_counted()
    {
        var aggregates = new PlacementAggregates();
        Start(aggregates, "s1", "s", 5, Autumn2026, ApType.StateFunded); End(aggregates, "s1", "s", 6, Autumn2026.AddYears(1), PlacementOutcome.ReturnedToMainstream);
        Start(aggregates, "i1", "i", 5, Autumn2026, ApType.Independent); End(aggregates, "i1", "i", 5, Autumn2026.AddDays(20), PlacementOutcome.ReturnedToMainstream);
        Start(aggregates, "i2", "i", 6, Autumn2026.AddYears(1), ApType.StateFunded);
        Start(aggregates, "n1", "n", 4, Autumn2026.AddYears(1), ApType.NonSchool); End(aggregates, "n1", "n", 4, Autumn2026.AddYears(1).AddDays(9), PlacementOutcome.Other);
        var today = new DateOnly(2028, 3, 1);

        var stateFunded2026 = aggregates.Report(today, new LaReportFilter(2026, ApType.StateFunded));
        Assert.Equal(new Dictionary<int, int> { [6] = 1 }, Assert.Single(stateFunded2026.LengthOfStay).Value);
        Assert.Empty(stateFunded2026.OngoingStays!);

        // Pupil i first entered state-funded AP in 2027/28, and is still there.
        var stateFunded2027 = aggregates.Report(today, new LaReportFilter(2027, ApType.StateFunded));
        Assert.Empty(stateFunded2027.LengthOfStay);
        Assert.Equal(new Dictionary<int, int> { [6] = 1 }, stateFunded2027.OngoingStays);

        Assert.Equal(5, Assert.Single(aggregates.Report(today, new LaReportFilter(ApType: ApType.Independent)).LengthOfStay[5]).Key);
        Assert.Equal(4, Assert.Single(aggregates.Report(today, new LaReportFilter(2027, ApType.NonSchool)).LengthOfStay).Key);

        var everyKind2026 = aggregates.Report(today, new LaReportFilter(2026));
        Assert.Equal(new Dictionary<int, int> { [6] = 1 }, everyKind2026.LengthOfStay[5]);
        Assert.Equal(new Dictionary<int, int> { [5] = 1 }, everyKind2026.OngoingStays);
        Assert.Equal((2026, ApType.StateFunded), (stateFunded2026.EntryCohort, stateFunded2026.ApType!.Value));
    }

    [Fact]
    public void Pupils_in_ap_now_are_counted_by_age_on_31_august()
    {
        var aggregates = new PlacementAggregates();
        aggregates.Started(new PlacementFact("p1", "p", new DateOnly(2016, 8, 31), 5, FullTime: true, Outcome: null, Autumn2026, ApType.StateFunded));
        aggregates.Started(new PlacementFact("q1", "q", new DateOnly(2016, 9, 1), 4, FullTime: false, Outcome: null, Autumn2026, ApType.StateFunded));

        var report = aggregates.Report(new DateOnly(2026, 11, 23));

        Assert.Equal(1, report.PupilsInApByAge[10]);
        Assert.Equal(1, report.PupilsInApByAge[9]);
    }

    [Fact]
    public void Pupils_in_ap_on_the_census_day_are_split_by_kind_with_four_and_under_together()
    {
        var aggregates = new PlacementAggregates();
        var census = new DateOnly(2027, 1, 21);
        aggregates.Started(new PlacementFact("r1", "r", new DateOnly(2022, 6, 1), 0, FullTime: false, Outcome: null, Autumn2026, ApType.StateFunded));
        aggregates.Started(new PlacementFact("t1", "t", new DateOnly(2023, 2, 1), -1, FullTime: false, Outcome: null, Autumn2026, ApType.StateFunded));
        aggregates.Started(new PlacementFact("u1", "u", Born, 5, FullTime: false, Outcome: null, Autumn2026, ApType.Independent));
        aggregates.EndedWith(new PlacementFact("u1", "u", Born, 5, FullTime: false, PlacementOutcome.Other, census.AddDays(-1), ApType.Independent));
        aggregates.Started(new PlacementFact("v1", "v", Born, 5, FullTime: false, Outcome: null, census, ApType.NonSchool));
        aggregates.Started(new PlacementFact("w1", "w", Born, 5, FullTime: false, Outcome: null, census.AddDays(1), ApType.NonSchool));

        var byDefault = aggregates.Report(new DateOnly(2026, 11, 23));
        var chosen = aggregates.Report(new DateOnly(2026, 11, 23), new LaReportFilter(CensusDate: Autumn2026.AddDays(1)));

        Assert.Equal(census, byDefault.CensusDate);
        Assert.Equal(new Dictionary<int, int> { [SchoolCensus.FourAndUnder] = 2 }, byDefault.PupilsInApByTypeAndAge![ApType.StateFunded]);
        Assert.False(byDefault.PupilsInApByTypeAndAge.ContainsKey(ApType.Independent));
        Assert.Equal(new Dictionary<int, int> { [10] = 1 }, byDefault.PupilsInApByTypeAndAge[ApType.NonSchool]);
        Assert.Equal(new Dictionary<int, int> { [10] = 1 }, chosen.PupilsInApByTypeAndAge![ApType.Independent]);
        Assert.False(chosen.PupilsInApByTypeAndAge.ContainsKey(ApType.NonSchool));
    }

    [Fact]
    public void Facts_without_a_date_still_count_now_but_not_over_time()
    {
        var aggregates = new PlacementAggregates();
        aggregates.Started(new PlacementFact("o1", "o", Born, 5, FullTime: true, Outcome: null));

        var report = aggregates.Report(new DateOnly(2026, 11, 23));

        Assert.Equal(1, report.FullTime);
        Assert.Empty(report.LengthOfStay);
        Assert.Empty(report.OngoingStays!);
    }

    [Fact]
    public void Figures_over_time_as_of_a_moment_count_what_was_recorded_before_it_whatever_its_dates()
    {
        var aggregates = new PlacementAggregates();
        var cut = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        // a: started and ended before the cut. b: started before, ended after. c: backdated, but recorded after the cut.
        aggregates.Started(new PlacementFact("a1", "a", Born, 3, FullTime: false, Outcome: null, Autumn2026, ApType.StateFunded), cut.AddDays(-40));
        aggregates.EndedWith(new PlacementFact("a1", "a", Born, 3, FullTime: false, PlacementOutcome.Other, Autumn2026.AddDays(20)), cut.AddDays(-20));
        aggregates.Started(new PlacementFact("b1", "b", Born, 4, FullTime: false, Outcome: null, Autumn2026, ApType.StateFunded), cut.AddDays(-40));
        aggregates.EndedWith(new PlacementFact("b1", "b", Born, 4, FullTime: false, PlacementOutcome.Other, Autumn2026.AddDays(30)), cut.AddHours(1));
        aggregates.Started(new PlacementFact("c1", "c", Born, 5, FullTime: false, Outcome: null, Autumn2026, ApType.StateFunded), cut);

        var asOfCut = aggregates.Report(new DateOnly(2026, 11, 24), LaReportFilter.None, recordedBefore: cut);
        var now = aggregates.Report(new DateOnly(2026, 11, 24), LaReportFilter.None);

        Assert.Equal([3], asOfCut.LengthOfStay.Keys);
        Assert.Equal(new Dictionary<int, int> { [4] = 1 }, asOfCut.OngoingStays);
        Assert.Equal([3, 4], now.LengthOfStay.Keys.Order());
        Assert.Equal(new Dictionary<int, int> { [5] = 1 }, now.OngoingStays);
    }

    private static void Start(PlacementAggregates aggregates, string placement, string pupil, int yearGroup, DateOnly on, ApType type = ApType.StateFunded) =>
        aggregates.Started(new PlacementFact(placement, pupil, Born, yearGroup, FullTime: false, Outcome: null, on, type));

    private static void End(PlacementAggregates aggregates, string placement, string pupil, int yearGroup, DateOnly on, PlacementOutcome outcome) =>
        aggregates.EndedWith(new PlacementFact(placement, pupil, Born, yearGroup, FullTime: false, outcome, on));

    [Fact]
    public void Anonymising_a_pupils_past_placements_keeps_the_figures_and_drops_every_link_to_the_pupil()
    {
        var aggregates = new PlacementAggregates();
        var born = new DateOnly(2016, 3, 17);
        aggregates.Started(new PlacementFact("p-0000000001.pl1", "p-0000000001", born, 5, FullTime: true, Outcome: null, Autumn2026, ApType.StateFunded));
        aggregates.EndedWith(new PlacementFact("p-0000000001.pl1", "p-0000000001", born, 5, FullTime: true, PlacementOutcome.Other, Autumn2026.AddDays(90), ApType.StateFunded));
        aggregates.Started(new PlacementFact("p-0000000002.pl1", "p-0000000002", Born, 5, FullTime: true, Outcome: null, Autumn2026, ApType.StateFunded));
        var before = aggregates.Report(Autumn2026.AddDays(100));

        Assert.True(aggregates.Anonymise("p-0000000001", "x-abcdef0123"));
        Assert.False(aggregates.Anonymise("p-0000000001", "x-9999999999"));
        Assert.False(aggregates.Anonymise("p-0000000002", "x-1111111111"), "an active placement is not past retention");

        var after = aggregates.Report(Autumn2026.AddDays(100));
        Assert.Equal(before.LengthOfStay.SelectMany(r => r.Value), after.LengthOfStay.SelectMany(r => r.Value));
        Assert.DoesNotContain(aggregates.Stints, s => s.Key.Contains("p-0000000001", StringComparison.Ordinal) || s.Value.PupilId == "p-0000000001");
        Assert.DoesNotContain("p-0000000001.pl1", aggregates.Ended);
        var kept = aggregates.Stints["x-abcdef0123.pl1"];
        Assert.Equal((new DateOnly(2016, 3, 1), Autumn2026.AddDays(90)), (kept.DateOfBirth, kept.End));
    }
}
