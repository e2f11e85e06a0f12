using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class AttendanceRulesTests
{
    [Fact]
    public void Every_weekday_of_three_years_has_its_two_sessions_and_weekends_none()
    {
        for (var date = new DateOnly(2025, 1, 1); date < new DateOnly(2028, 1, 1); date = date.AddDays(1))
        {
            var am = AttendanceRules.SessionOn(date, morning: true);
            var pm = AttendanceRules.SessionOn(date, morning: false);
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                Assert.Null(am);
                Assert.Null(pm);
                Assert.DoesNotContain(Sessions.All, s => AttendanceRules.FallsOn(s, date));
                continue;
            }

            Assert.True(AttendanceRules.IsMorning(am!.Value));
            Assert.False(AttendanceRules.IsMorning(pm!.Value));
            Assert.Equal([am.Value, pm.Value], Sessions.All.Where(s => AttendanceRules.FallsOn(s, date)));
            Assert.Equal(DayOfWeek.Monday, AttendanceRules.WeekStart(date).DayOfWeek);
            Assert.InRange(date.DayNumber - AttendanceRules.WeekStart(date).DayNumber, 0, 4);
        }
    }

    [Fact]
    public void Named_sessions_fall_on_their_days()
    {
        var tuesday = new DateOnly(2026, 12, 8);
        Assert.Equal(Session.TueAm, AttendanceRules.SessionOn(tuesday, true));
        Assert.Equal(Session.TuePm, AttendanceRules.SessionOn(tuesday, false));
        Assert.Equal([Session.TuePm], AttendanceRules.SessionsOn(tuesday, [Session.MonAm, Session.TuePm, Session.FriPm]));
        Assert.Equal(new DateOnly(2026, 12, 7), AttendanceRules.WeekStart(new DateOnly(2026, 12, 13)));
    }

    [Fact]
    public void Weekly_and_to_date_figures_by_hand()
    {
        // Week 1 (Mon 7 Dec 2026): 10 marks, 8 present, 1 O, 1 I  -> 8/10.
        // Week 2 (Mon 14 Dec): Mon-Wed marked, 4 present, 1 L, 1 N  -> 5/6.
        var marks = new List<AttendanceMark>();
        var week1 = new DateOnly(2026, 12, 7);
        var week1Codes = new[] { AttendanceCode.Present, AttendanceCode.Present, AttendanceCode.Present, AttendanceCode.UnauthorisedAbsence, AttendanceCode.Present,
            AttendanceCode.Present, AttendanceCode.Illness, AttendanceCode.Present, AttendanceCode.Present, AttendanceCode.Present };
        for (var i = 0; i < 10; i++) marks.Add(new(week1.AddDays(i / 2), (Session)i, week1Codes[i]));
        var week2 = new DateOnly(2026, 12, 14);
        var week2Codes = new[] { AttendanceCode.Present, AttendanceCode.LateBeforeRegisterClosed, AttendanceCode.Present, AttendanceCode.NoReasonYet, AttendanceCode.Present, AttendanceCode.Present };
        for (var i = 0; i < 6; i++) marks.Add(new(week2.AddDays(i / 2), (Session)i, week2Codes[i]));

        var wednesday = new DateOnly(2026, 12, 16);
        Assert.Equal(80.0, AttendanceRules.Weekly(marks, new DateOnly(2026, 12, 11)).Percent);
        Assert.Equal(83.3, AttendanceRules.Weekly(marks, wednesday).Percent);
        // To date 13 / 16 = 81.25% -> 81.3.
        Assert.Equal(new AttendanceTally(16, 13, 1, 2, 0), AttendanceRules.ToDate(marks, wednesday));
        Assert.Equal(81.3, AttendanceRules.ToDate(marks, wednesday).Percent);
        // Tuesday of week 2: Monday's two and Tuesday's two marks: 3 / 4.
        Assert.Equal(75.0, AttendanceRules.Weekly(marks, new DateOnly(2026, 12, 15)).Percent);
        Assert.Equal(new AttendanceTally(14, 11, 1, 2, 0), AttendanceRules.ToDate(marks, new DateOnly(2026, 12, 15)));
    }

    [Theory]
    [InlineData(0, 0, AttendanceBand.NoMarksYet)]
    [InlineData(10, 9, AttendanceBand.NinetyPercentOrMore)]
    [InlineData(10, 10, AttendanceBand.NinetyPercentOrMore)]
    [InlineData(10000, 8999, AttendanceBand.FiftyToUnderNinety)]
    [InlineData(10, 5, AttendanceBand.FiftyToUnderNinety)]
    [InlineData(10, 4, AttendanceBand.UnderFifty)]
    [InlineData(3, 0, AttendanceBand.UnderFifty)]
    public void Bands(int possible, int attended, AttendanceBand expected) =>
        Assert.Equal(expected, AttendanceRules.BandOf(new AttendanceTally(possible, attended, 0, possible - attended, 0)));

    [Fact]
    public void Cut_off_is_in_uk_time_across_the_clock_change()
    {
        var am = new TimeOnly(10, 0);
        var pm = new TimeOnly(14, 0);
        // 09:30 UTC in July is 10:30 BST: past the morning cut-off; in December it is 09:30 GMT: not yet.
        Assert.True(AttendanceRules.IsPastCutoff(AttendanceRules.UkLocal(new DateTimeOffset(2026, 7, 1, 9, 30, 0, TimeSpan.Zero)), true, am, pm));
        Assert.False(AttendanceRules.IsPastCutoff(AttendanceRules.UkLocal(new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero)), true, am, pm));
        Assert.False(AttendanceRules.IsPastCutoff(AttendanceRules.UkLocal(new DateTimeOffset(2026, 12, 1, 13, 59, 0, TimeSpan.Zero)), false, am, pm));
        Assert.True(AttendanceRules.IsPastCutoff(AttendanceRules.UkLocal(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero)), false, am, pm));
    }
}
