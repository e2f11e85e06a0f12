using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class NonSchoolPlacementRulesTests
{
    [Fact]
    public void The_thirteenth_week_is_flagged_for_every_start_day_of_a_year()
    {
        for (var start = new DateOnly(2026, 9, 1); start < new DateOnly(2027, 9, 1); start = start.AddDays(1))
        {
            var lastDayOfWeek12 = start.AddDays((12 * 7) - 1);

            Assert.Equal(12, NonSchoolPlacementRules.WeekOf(start, lastDayOfWeek12));
            Assert.False(NonSchoolPlacementRules.OverTimeLimit(start, lastDayOfWeek12, 12, null));
            Assert.Equal(13, NonSchoolPlacementRules.WeekOf(start, lastDayOfWeek12.AddDays(1)));
            Assert.True(NonSchoolPlacementRules.OverTimeLimit(start, lastDayOfWeek12.AddDays(1), 12, null));
        }
    }

    [Fact]
    public void An_extension_holds_until_its_day_has_passed()
    {
        var start = new DateOnly(2026, 9, 7);
        var week13 = start.AddDays(84);

        Assert.False(NonSchoolPlacementRules.OverTimeLimit(start, week13, 12, extendedUntil: week13.AddDays(20)));
        Assert.False(NonSchoolPlacementRules.OverTimeLimit(start, week13.AddDays(20), 12, extendedUntil: week13.AddDays(20)));
        Assert.True(NonSchoolPlacementRules.OverTimeLimit(start, week13.AddDays(21), 12, extendedUntil: week13.AddDays(20)));
        Assert.False(NonSchoolPlacementRules.OverTimeLimit(start, start.AddDays(-1), 12, null));
    }

    [Fact]
    public void A_non_school_placement_leaves_the_pupil_at_least_one_home_school_session()
    {
        var refused = NonSchoolPlacementRules.CheckHomeSchoolSessions(ApType.NonSchool, 10, PlacementRoute.OffSiteDirection);

        Expect.Is(refused, ErrorCode.Validation, "sessions");
        Assert.StartsWith(NonSchoolPlacementRules.HomeSchoolTimeRule, refused!.Message, StringComparison.Ordinal);
        Assert.Null(NonSchoolPlacementRules.CheckHomeSchoolSessions(ApType.NonSchool, 9, PlacementRoute.OffSiteDirection));
        Assert.Null(NonSchoolPlacementRules.CheckHomeSchoolSessions(ApType.StateFunded, 10, PlacementRoute.OffSiteDirection));
        Assert.Null(NonSchoolPlacementRules.CheckHomeSchoolSessions(ApType.Independent, 10, PlacementRoute.LaPanel));
        Assert.Null(NonSchoolPlacementRules.CheckHomeSchoolSessions(null, 10, PlacementRoute.LaPanel));
        Assert.NotNull(NonSchoolPlacementRules.CheckHomeSchoolSessions(ApType.NonSchool, 10, PlacementRoute.LaPanel));
        foreach (var exempt in new[] { PlacementRoute.SuspensionProvision, PlacementRoute.S19PermanentExclusion, PlacementRoute.S19HealthOrOther, PlacementRoute.EhcPlanS61 })
        {
            Assert.Null(NonSchoolPlacementRules.CheckHomeSchoolSessions(ApType.NonSchool, 10, exempt));
        }
    }
}
