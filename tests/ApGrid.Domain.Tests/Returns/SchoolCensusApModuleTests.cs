using ApGrid.Domain.Returns;
using static ApGrid.Domain.Tests.Returns.ReturnWorld;

namespace ApGrid.Domain.Tests.Returns;

public sealed class SchoolCensusApModuleTests
{
    [Fact]
    public void The_module_holds_the_schools_own_pupils_in_AP_on_census_day_by_any_route_but_permanent_exclusion()
    {
        var pupils = new[]
        {
            Pupil(1, placements:
            [
                Placement("a1", Unregistered, PlacementRoute.LaPanel, D(2025, 11, 3)),
                Placement("a2", Pru, PlacementRoute.OffSiteDirection, D(2026, 1, 5), sessions: 3),
            ]),
            Pupil(2, sen: SenProvision.None, need: null, placements: [Placement("b1", Independent, PlacementRoute.S19PermanentExclusion, D(2026, 1, 5), fullTime: true)]),
            Pupil(3, homeSchool: "100002", placements: [Placement("c1", ApAcademy, PlacementRoute.OffSiteDirection, D(2025, 9, 1))]),
            Pupil(4, placements: [Placement("d1", UnregisteredWithoutUkprn, PlacementRoute.SuspensionProvision, D(2026, 1, 12), sessions: 2)]),
            Pupil(5, placements: [Placement("e1", Pru, PlacementRoute.OffSiteDirection, D(2025, 9, 1), D(2025, 12, 19))]),
        };

        var result = SchoolCensusApModule.Build("100001", pupils, CensusDay);

        Assert.Empty(result.Failures);
        Assert.Equal(
            [
                new ApPlacementRow("pupil-1", Upn(1), D(2012, 3, 4), "NR20 3AB", "K", "SEMH", null, "10012345", "UNR", "PAN", D(2025, 11, 3), null, "P", 4),
                new ApPlacementRow("pupil-1", Upn(1), D(2012, 3, 4), "NR20 3AB", "K", "SEMH", "140001", null, "PRU", "OSD", D(2026, 1, 5), null, "P", 3),
                new ApPlacementRow("pupil-4", Upn(4), D(2012, 3, 4), "NR20 3AB", "K", "SEMH", null, null, "UNR", "SUS", D(2026, 1, 12), null, "P", 2),
            ],
            result.Rows);
    }

    [Fact]
    public void Another_schools_pupils_are_not_read()
    {
        var pupils = new[] { Pupil(3, homeSchool: "100002", need: null, placements: [Placement("c1", ApAcademy, PlacementRoute.OffSiteDirection, D(2025, 9, 1))]) };

        var result = SchoolCensusApModule.Build("100001", pupils, CensusDay);

        Assert.Equal((0, 0, 0), (result.Rows.Count, result.Failures.Count, result.PupilIds.Count));
    }
}
