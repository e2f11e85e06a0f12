using ApGrid.Domain.Returns;
using static ApGrid.Domain.Tests.Returns.ReturnWorld;

namespace ApGrid.Domain.Tests.Returns;

public sealed class ApCensusReturnTests
{
    [Fact]
    public void The_census_holds_the_LAs_placements_running_on_census_day_at_settings_without_a_school_census_of_their_own()
    {
        var pupils = new[]
        {
            // LA panel at an unregistered provider, part time, four sessions: in.
            Pupil(1, placements:
            [
                Placement("a1", Unregistered, PlacementRoute.LaPanel, D(2025, 11, 3)),
                Placement("a2", Pru, PlacementRoute.OffSiteDirection, D(2025, 9, 8), D(2025, 12, 19)),
            ]),

            // Permanently excluded, full time at an independent school from the 5th: in.
            Pupil(2, sen: SenProvision.None, need: null, placements: [Placement("b1", Independent, PlacementRoute.S19PermanentExclusion, D(2026, 1, 5), fullTime: true)]),

            // Section 61 at an AP academy: the academy's own school census counts the pupil.
            Pupil(3, homeSchool: "100002", sen: SenProvision.EhcPlan, need: NeedType.Asd, placements: [Placement("c1", ApAcademy, PlacementRoute.EhcPlanS61, D(2025, 9, 1))]),

            // The school's own direction off site: the home school's AP module counts it.
            Pupil(4, placements: [Placement("d1", UnregisteredWithoutUkprn, PlacementRoute.OffSiteDirection, D(2026, 1, 12), sessions: 2)]),

            // Ended the day before census day, and starting the day after.
            Pupil(5, placements: [Placement("e1", Unregistered, PlacementRoute.LaPanel, D(2025, 9, 1), D(2026, 1, 14))]),
            Pupil(6, placements: [Placement("f1", Unregistered, PlacementRoute.LaPanel, D(2026, 1, 16))]),
        };

        var result = ApCensusReturn.Build(pupils, CensusDay);

        Assert.Empty(result.Failures);
        Assert.Equal(
            [
                new ApPlacementRow("pupil-1", Upn(1), D(2012, 3, 4), "NR20 3AB", "K", "SEMH", null, "10012345", "UNR", "PAN", D(2025, 11, 3), null, "P", 4),
                new ApPlacementRow("pupil-2", Upn(2), D(2012, 3, 4), "NR20 3AB", "N", null, "140002", "10054321", "IND", "PEX", D(2026, 1, 5), null, "F", 10),
            ],
            result.Rows);
        Assert.Equal(["pupil-1", "pupil-2"], result.PupilIds);
    }

    [Fact]
    public void The_census_day_itself_counts_at_both_ends()
    {
        var pupils = new[]
        {
            Pupil(1, placements: [Placement("a", Unregistered, PlacementRoute.S19HealthOrOther, CensusDay, CensusDay)]),
        };

        var row = Assert.Single(ApCensusReturn.Build(pupils, CensusDay).Rows);

        Assert.Equal(("S19", CensusDay, (DateOnly?)CensusDay), (row.Reason, row.EntryDate, row.LeavingDate));
    }

    [Fact]
    public void A_pupil_that_fails_a_rule_is_listed_and_has_no_row()
    {
        var pupils = new[]
        {
            Pupil(1, placements: [Placement("a", Unregistered, PlacementRoute.LaPanel, D(2025, 11, 3))]),
            Pupil(2, need: null, placements: [Placement("b", Unregistered, PlacementRoute.LaPanel, D(2025, 11, 3))]),
        };

        var result = ApCensusReturn.Build(pupils, CensusDay);

        Assert.False(result.IsValid);
        Assert.Equal("pupil-1", Assert.Single(result.Rows).PupilId);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(("pupil-2", Upn(2), "SENtype"), (failure.PupilId, failure.Upn, failure.Item));
        Assert.Equal(["pupil-1", "pupil-2"], result.PupilIds);
    }

    [Theory]
    [InlineData(PlacementRoute.LaPanel, true)]
    [InlineData(PlacementRoute.S19PermanentExclusion, true)]
    [InlineData(PlacementRoute.S19HealthOrOther, true)]
    [InlineData(PlacementRoute.EhcPlanS61, true)]
    [InlineData(PlacementRoute.OffSiteDirection, false)]
    [InlineData(PlacementRoute.SuspensionProvision, false)]
    public void The_LA_arranges_every_route_but_the_schools_two(PlacementRoute route, bool byLa) =>
        Assert.Equal(byLa, ApCensusReturn.IsLaArranged(route));
}
