using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class PackageRulesTests
{
    private static readonly Session[] Home = [Session.MonAm, Session.MonPm, Session.TueAm, Session.TuePm];
    private static readonly Session[] First = [Session.WedAm, Session.WedPm, Session.ThuAm];
    private static readonly Session[] Second = [Session.ThuPm, Session.FriAm, Session.FriPm];

    [Fact]
    public void Home_school_and_two_providers_make_a_full_week()
    {
        var check = PackageRules.Check(Home, [First, Second], 0, PackageRules.DefaultFullWeekHours);
        Assert.False(check.PartTime);
        Assert.Equal(Sessions.All, check.Covered);
        Assert.Empty(check.Uncovered);
        Assert.Equal(0, check.GapHours);
    }

    [Fact]
    public void One_session_less_is_a_part_time_timetable_with_the_gap_named()
    {
        var check = PackageRules.Check(Home, [First, Second[..2]], 0, PackageRules.DefaultFullWeekHours);
        Assert.True(check.PartTime);
        Assert.Equal([Session.FriPm], check.Uncovered);
        Assert.Equal(3.25, check.GapHours);
    }

    [Theory]
    [InlineData(0, 3.25)]
    [InlineData(2, 1.25)]
    [InlineData(3.25, 0)]
    [InlineData(10, 0)]
    public void Tuition_fills_the_gap_at_the_mainstream_session_length(double tuition, double gap) =>
        Assert.Equal(gap, PackageRules.Check(Home, [First, Second[..2]], tuition, PackageRules.DefaultFullWeekHours).GapHours);

    [Fact]
    public void Every_subset_of_sessions_is_part_time_exactly_when_a_session_is_uncovered()
    {
        for (var mask = 0; mask < 1 << Sessions.Count; mask++)
        {
            var home = Sessions.All.Where((_, i) => (mask & (1 << i)) != 0).ToList();
            var check = PackageRules.Check(home, [], 0, PackageRules.DefaultFullWeekHours);
            Assert.Equal(home.Count < Sessions.Count, check.PartTime);
            Assert.Equal(Sessions.Count - home.Count, check.Uncovered.Count);
            Assert.Equal(Math.Round((Sessions.Count - home.Count) * 3.25, 2), check.GapHours);
        }
    }

    [Fact]
    public void A_session_cannot_be_booked_twice()
    {
        var clash = PackageRules.CheckNoOverlap([Session.ThuPm, Session.FriAm], [("Riverside", First), ("Farm Project", Second)]);
        Expect.Is(clash, ErrorCode.Conflict, "sessions");
        Assert.Contains("Thursday afternoon (THU_PM)", clash!.Message);
        Assert.Contains("Farm Project", clash.Message);
        Assert.Null(PackageRules.CheckNoOverlap(Home, [("Riverside", First), ("Farm Project", Second)]));
    }

    [Fact]
    public void A_part_time_timetable_says_who_agreed_it_and_when_it_ends()
    {
        var today = new DateOnly(2025, 3, 3);
        Assert.Null(PackageRules.ValidateTimetable(0, null, null, partTime: false, today));
        Expect.Is(PackageRules.ValidateTimetable(0, " ", today.AddDays(30), partTime: true, today), ErrorCode.Validation, "partTimeAgreedBy");
        Expect.Is(PackageRules.ValidateTimetable(0, "Head of year with parents", null, partTime: true, today), ErrorCode.Validation, "partTimeEndsOn");
        Expect.Is(PackageRules.ValidateTimetable(0, "Head of year with parents", today, partTime: true, today), ErrorCode.Validation, "partTimeEndsOn");
        Assert.Null(PackageRules.ValidateTimetable(0, "Head of year with parents", today.AddDays(30), partTime: true, today));
        Expect.Is(PackageRules.ValidateTimetable(-1, null, null, partTime: false, today), ErrorCode.Validation, "tuitionHoursPerWeek");
    }
}
