using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class SessionTimesTests
{
    [Fact]
    public void The_default_day_is_three_hours_then_two_and_a_half()
    {
        var times = SessionTimes.Default;
        Assert.Equal(3, times.HoursOf(Session.MonAm));
        Assert.Equal(2.5, times.HoursOf(Session.FriPm));
        Assert.Equal(27.5, times.WeeklyHours(Sessions.All));
        Assert.Null(times.Validate());
    }

    [Fact]
    public void Eight_sessions_are_full_time_and_five_are_not_at_the_default_times()
    {
        Assert.Equal(22, SessionTimes.Default.WeeklyHours(Sessions.All.Take(8)));
        Assert.True(SessionTimes.Default.WeeklyHours(Sessions.All.Take(8)) >= PackageRules.DefaultRegistrationFullTimeHours);
        Assert.False(SessionTimes.Default.WeeklyHours(Sessions.All.Take(5)) >= PackageRules.DefaultRegistrationFullTimeHours);
    }

    [Fact]
    public void A_session_counted_twice_counts_once() =>
        Assert.Equal(3, SessionTimes.Default.WeeklyHours([Session.MonAm, Session.MonAm]));

    [Fact]
    public void Times_must_run_forwards_and_not_overlap()
    {
        Expect.Is((SessionTimes.Default with { MorningEnd = new(8, 0) }).Validate(), ErrorCode.Validation, "sessionTimes.morningEnd");
        Expect.Is((SessionTimes.Default with { AfternoonEnd = new(12, 30) }).Validate(), ErrorCode.Validation, "sessionTimes.afternoonEnd");
        Expect.Is((SessionTimes.Default with { AfternoonStart = new(11, 0) }).Validate(), ErrorCode.Validation, "sessionTimes.afternoonStart");
    }
}
