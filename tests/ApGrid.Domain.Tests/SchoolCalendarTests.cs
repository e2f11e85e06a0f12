using ApGrid.Domain;
using CsCheck;

namespace ApGrid.Domain.Tests;

public sealed class SchoolCalendarTests
{
    /// <summary>2025/26 as many LAs set it: Easter (3–6 April) falls in the break, 4 May in summer 1.</summary>
    internal static TermDates Year2025(DateOnly[] insetDays) => new(
        2025,
        [
            new(new(2025, 9, 1), new(2025, 10, 24)),
            new(new(2025, 11, 3), new(2025, 12, 19)),
            new(new(2026, 1, 5), new(2026, 2, 13)),
            new(new(2026, 2, 23), new(2026, 3, 27)),
            new(new(2026, 4, 13), new(2026, 5, 22)),
            new(new(2026, 6, 1), new(2026, 7, 22)),
        ],
        insetDays,
        IsDefault: false);

    private static readonly SchoolCalendar Calendar = new([Year2025([new(2025, 9, 1), new(2025, 9, 2)])]);

    [Fact]
    public void A_school_day_is_a_term_weekday_that_is_no_holiday_or_inset_day()
    {
        Assert.True(Calendar.IsSchoolDay(new DateOnly(2025, 9, 3)));
        Assert.False(Calendar.IsSchoolDay(new DateOnly(2025, 9, 1))); // INSET
        Assert.False(Calendar.IsSchoolDay(new DateOnly(2025, 9, 6))); // Saturday
        Assert.False(Calendar.IsSchoolDay(new DateOnly(2025, 10, 27))); // half-term
        Assert.False(Calendar.IsSchoolDay(new DateOnly(2026, 5, 4))); // bank holiday in term
        Assert.False(Calendar.IsSchoolDay(new DateOnly(2026, 7, 23))); // summer holiday
    }

    [Fact]
    public void Counting_crosses_holidays_in_both_directions()
    {
        var lastOfAutumn = new DateOnly(2025, 12, 19);
        Assert.Equal(new DateOnly(2026, 1, 5), Calendar.AddSchoolDays(lastOfAutumn, 1));
        Assert.Equal(lastOfAutumn, Calendar.AddSchoolDays(new DateOnly(2026, 1, 5), -1));
        Assert.Equal(lastOfAutumn, Calendar.AddSchoolDays(new DateOnly(2025, 12, 25), -1));
        Assert.Equal(new DateOnly(2026, 1, 5), Calendar.AddSchoolDays(new DateOnly(2025, 12, 25), 1));
        Assert.Equal(new DateOnly(2025, 12, 25), Calendar.AddSchoolDays(new DateOnly(2025, 12, 25), 0));
    }

    [Fact]
    public void The_first_school_day_follows_the_inset_days()
    {
        Assert.Equal(new DateOnly(2025, 9, 3), Calendar.NextSchoolDayOnOrAfter(new DateOnly(2025, 9, 1)));
        Assert.Equal(new DateOnly(2025, 9, 3), Calendar.NextSchoolDayOnOrAfter(new DateOnly(2025, 9, 3)));
        Assert.Equal(new DateOnly(2026, 5, 5), Calendar.NextSchoolDayOnOrAfter(new DateOnly(2026, 5, 2)));
    }

    [Fact]
    public void A_schools_own_inset_days_close_it_on_top_of_the_las()
    {
        var school = new SchoolCalendar([Year2025([new(2025, 9, 1), new(2025, 9, 2)])], [new DateOnly(2025, 9, 3), new DateOnly(2030, 1, 7)]);
        Assert.False(school.IsSchoolDay(new DateOnly(2025, 9, 3)));
        Assert.Equal(new DateOnly(2025, 9, 4), school.NextSchoolDayOnOrAfter(new DateOnly(2025, 9, 1)));
        Assert.Equal([new DateOnly(2025, 9, 3)], school.ExtraInsetDays);
    }

    [Fact]
    public void Counts_the_school_days_of_the_year()
    {
        // 198 term weekdays, less two INSET days and the early May bank holiday.
        Assert.Equal(195, Calendar.SchoolDaysIn(2025));
        Assert.Equal(3, Calendar.SchoolDaysBetween(new DateOnly(2025, 12, 17), new DateOnly(2026, 1, 5)));
        Assert.Equal(-3, Calendar.SchoolDaysBetween(new DateOnly(2026, 1, 5), new DateOnly(2025, 12, 17)));
    }

    [Fact]
    public void Term_weeks_skip_holiday_weeks_but_count_a_week_with_any_school_day()
    {
        var monday = new DateOnly(2025, 10, 13);
        Assert.Equal(new DateOnly(2025, 11, 3), Calendar.AddTermWeeks(monday, 2)); // half-term week skipped
        Assert.Equal(new DateOnly(2026, 1, 7), Calendar.AddTermWeeks(new DateOnly(2025, 12, 10), 2)); // Christmas: two weeks stopped
        Assert.Equal(new DateOnly(2026, 5, 4), Calendar.AddTermWeeks(new DateOnly(2026, 4, 27), 1)); // a week starting on a bank holiday counts
        Assert.Equal(new DateOnly(2025, 9, 29), Calendar.AddTermWeeks(new DateOnly(2025, 9, 1), 4)); // no holiday: plain weeks
        Assert.Equal(monday, Calendar.AddTermWeeks(monday, 0));
    }

    [Fact]
    public void Dates_outside_the_calendar_throw_rather_than_guess()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.IsSchoolDay(new DateOnly(2026, 9, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddSchoolDays(new DateOnly(2026, 7, 22), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddSchoolDays(new DateOnly(2025, 9, 3), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddSchoolDays(new DateOnly(2025, 9, 3), int.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddSchoolDays(new DateOnly(2025, 9, 3), int.MinValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddTermWeeks(new DateOnly(2026, 7, 1), 4));
    }

    [Fact]
    public void Years_must_be_consecutive()
    {
        Assert.Throws<ArgumentException>(() => new SchoolCalendar([]));
        Assert.Throws<ArgumentException>(() => new SchoolCalendar([DefaultTermDates.For(2025), DefaultTermDates.For(2027)]));
        Assert.Throws<ArgumentException>(() => new SchoolCalendar([DefaultTermDates.For(2025), DefaultTermDates.For(2025)]));
        Assert.Equal(new DateOnly(2027, 8, 31), new SchoolCalendar([DefaultTermDates.For(2026), DefaultTermDates.For(2025)]).LastDate);
    }

    private static readonly SchoolCalendar Long = new(Enumerable.Range(2000, 40).Select(DefaultTermDates.For));

    [Fact]
    public void Adding_school_days_lands_on_a_school_day_that_counting_agrees_with()
    {
        var genDate = Gen.Int[0, 365 * 36].Select(d => new DateOnly(2000, 9, 1).AddDays(d));
        Gen.Select(genDate, Gen.Int[1, 400]).Sample((date, days) =>
        {
            var result = Long.AddSchoolDays(date, days);
            return result > date && Long.IsSchoolDay(result) && Long.SchoolDaysBetween(date, result) == days
                && Long.SchoolDaysBetween(date, result.AddDays(-1)) == days - 1;
        });
    }

    [Fact]
    public void Adding_school_days_matches_stepping_one_day_at_a_time()
    {
        var genDate = Gen.Int[30, 365 * 38].Select(d => new DateOnly(2000, 9, 1).AddDays(d));
        Gen.Select(genDate, Gen.Int[-20, 20]).Sample((date, days) =>
        {
            var expected = date;
            var step = Math.Sign(days);
            for (var left = Math.Abs(days); left > 0;)
            {
                expected = expected.AddDays(step);
                if (Long.IsSchoolDay(expected)) left--;
            }

            return Long.AddSchoolDays(date, days) == expected;
        });
    }
}
