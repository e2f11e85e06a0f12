using ApGrid.Domain.Returns;
using static ApGrid.Domain.Tests.Returns.ReturnWorld;

namespace ApGrid.Domain.Tests.Returns;

public sealed class ApPlacementRowsTests
{
    [Fact]
    public void A_value_without_a_census_code_is_a_failure_never_a_blank()
    {
        var pupil = Pupil(1);
        var placement = Placement("a", Unregistered, (PlacementRoute)99, D(2025, 11, 3));

        var result = ApPlacementRows.Build([(pupil, placement)], CensusDay);

        Assert.Empty(result.Rows);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(("pupil-1", "APreason"), (failure.PupilId, failure.Item));
    }

    [Fact]
    public void Rows_come_in_UPN_order_then_by_entry_date()
    {
        var late = Placement("z", Unregistered, PlacementRoute.LaPanel, D(2025, 12, 1));
        var early = Placement("y", Pru, PlacementRoute.OffSiteDirection, D(2025, 10, 1));
        var second = Pupil(2);
        var first = Pupil(1);

        var rows = ApPlacementRows.Build([(second, early), (first, late), (first, early)], CensusDay).Rows;

        Assert.Equal([(Upn(1), D(2025, 10, 1)), (Upn(1), D(2025, 12, 1)), (Upn(2), D(2025, 10, 1))], rows.Select(r => (r.Upn, r.EntryDate)));
    }

    [Fact]
    public void A_full_time_placement_reports_every_session_of_the_week()
    {
        var row = Assert.Single(ApPlacementRows.Build([(Pupil(1), new ReturnPlacement("a", Unregistered, PlacementRoute.LaPanel, D(2025, 11, 3), null, true, 7))], CensusDay).Rows);

        Assert.Equal(("F", 10), (row.AttendancePattern, row.SessionsPerWeek));
    }
}
