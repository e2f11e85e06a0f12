using ApGrid.Domain;
using ApGrid.Grains.Abstractions;

namespace ApGrid.Grains.Tests;

/// <summary>The running aggregates against journeys whose length-of-stay table is known by hand.</summary>
public sealed class PlacementAggregatesTests
{
    private static readonly DateOnly Born = new(2016, 3, 1);

    [Fact]
    public void The_length_of_stay_table_counts_pupils_by_first_and_last_year_group_in_ap()
    {
        var aggregates = new PlacementAggregates();
        // Pupil a: Year 3 only. Pupil b: Year 3 then again in Year 5. Pupil c: Year 4 to Year 6. Pupil d: Year 4 only.
        Start(aggregates, "a1", "a", 3); End(aggregates, "a1", "a", 3, PlacementOutcome.ReturnedToMainstream);
        Start(aggregates, "b1", "b", 3); End(aggregates, "b1", "b", 3, PlacementOutcome.ReturnedToMainstream);
        Start(aggregates, "b2", "b", 5); End(aggregates, "b2", "b", 5, PlacementOutcome.MovedToSpecialSchool);
        Start(aggregates, "c1", "c", 4); End(aggregates, "c1", "c", 6, PlacementOutcome.Other);
        Start(aggregates, "d1", "d", 4);

        var report = aggregates.Report(new DateOnly(2026, 11, 23));

        Assert.Equal(new Dictionary<int, int> { [3] = 1, [5] = 1 }, report.LengthOfStay[3]);
        Assert.Equal(new Dictionary<int, int> { [4] = 1, [6] = 1 }, report.LengthOfStay[4]);
        Assert.Equal(2, report.Outcomes[PlacementOutcome.ReturnedToMainstream]);
        Assert.Equal((1, 0), (report.PartTime, report.FullTime));
    }

    [Fact]
    public void A_placement_reported_twice_counts_once()
    {
        var aggregates = new PlacementAggregates();
        Start(aggregates, "x1", "x", 7);
        Start(aggregates, "x1", "x", 7);
        End(aggregates, "x1", "x", 7, PlacementOutcome.LeftEducation);
        End(aggregates, "x1", "x", 7, PlacementOutcome.LeftEducation);

        var report = aggregates.Report(new DateOnly(2026, 11, 23));

        Assert.Equal(1, report.Outcomes[PlacementOutcome.LeftEducation]);
        Assert.Equal(0, report.PartTime);
        Assert.Equal(1, report.LengthOfStay[7][7]);
    }

    [Fact]
    public void Pupils_in_ap_are_counted_by_age_on_31_august()
    {
        var aggregates = new PlacementAggregates();
        aggregates.Started(new PlacementFact("p1", "p", new DateOnly(2016, 8, 31), 5, FullTime: true, Outcome: null));
        aggregates.Started(new PlacementFact("q1", "q", new DateOnly(2016, 9, 1), 4, FullTime: false, Outcome: null));

        var report = aggregates.Report(new DateOnly(2026, 11, 23));

        Assert.Equal(1, report.PupilsInApByAge[10]);
        Assert.Equal(1, report.PupilsInApByAge[9]);
    }

    private static void Start(PlacementAggregates aggregates, string placement, string pupil, int yearGroup) =>
        aggregates.Started(new PlacementFact(placement, pupil, Born, yearGroup, FullTime: false, Outcome: null));

    private static void End(PlacementAggregates aggregates, string placement, string pupil, int yearGroup, PlacementOutcome outcome) =>
        aggregates.EndedWith(new PlacementFact(placement, pupil, Born, yearGroup, FullTime: false, outcome));
}
