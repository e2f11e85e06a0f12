using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class DefaultTermDatesTests
{
    private static IEnumerable<TermDates> ManyYears => Enumerable.Range(2000, 101).Select(DefaultTermDates.For);

    [Fact]
    public void Every_year_gives_about_190_pupil_days()
    {
        foreach (var year in ManyYears)
        {
            var days = new SchoolCalendar([year]).SchoolDaysIn(year.AcademicYear);
            Assert.InRange(days, 185, 195);
        }
    }

    [Fact]
    public void Is_flagged_as_a_default_with_five_inset_days_on_school_weekdays()
    {
        foreach (var year in ManyYears)
        {
            Assert.True(year.IsDefault);
            Assert.Equal(5, year.InsetDays.Count);
            Assert.All(year.InsetDays, d => Assert.DoesNotContain(d, BankHolidays.For(d.Year)));
        }
    }

    [Fact]
    public void Easter_and_christmas_fall_in_holidays_and_the_year_ends_in_late_july()
    {
        foreach (var year in ManyYears)
        {
            var calendar = new SchoolCalendar([year]);
            var easter = BankHolidays.EasterSunday(year.AcademicYear + 1);
            Assert.False(year.IsInTerm(easter.AddDays(-2)), $"Good Friday {easter.AddDays(-2)} in term");
            Assert.All(year.Terms, t => Assert.False(t.Contains(new DateOnly(year.AcademicYear, 12, 23)) || t.Contains(new DateOnly(year.AcademicYear + 1, 1, 3)), $"{t} in the Christmas break"));
            Assert.False(year.IsInTerm(easter.AddDays(1)), $"Easter Monday {easter.AddDays(1)} in term");
            Assert.False(year.IsInTerm(new DateOnly(year.AcademicYear, 12, 24)));
            Assert.False(year.IsInTerm(new DateOnly(year.AcademicYear + 1, 1, 1)));
            Assert.InRange(year.Terms[5].End, new DateOnly(year.AcademicYear + 1, 7, 20), new DateOnly(year.AcademicYear + 1, 7, 22));
            Assert.All(year.Terms, t => Assert.True(calendar.SchoolDaysBetween(t.Start, t.End) >= 8, $"{t} is too short"));
        }
    }

    [Fact]
    public void Matches_the_documented_dates_for_2025()
    {
        var year = DefaultTermDates.For(2025);
        Assert.Equal(
            [
                new HalfTerm(new(2025, 9, 1), new(2025, 10, 24)),
                new HalfTerm(new(2025, 11, 3), new(2025, 12, 19)),
                new HalfTerm(new(2026, 1, 5), new(2026, 2, 13)),
                new HalfTerm(new(2026, 2, 23), new(2026, 3, 27)),
                new HalfTerm(new(2026, 4, 13), new(2026, 5, 22)),
                new HalfTerm(new(2026, 6, 1), new(2026, 7, 22)),
            ],
            year.Terms);
        Assert.Equal([new(2025, 9, 1), new(2025, 9, 2), new(2026, 1, 5), new(2026, 4, 13), new(2026, 6, 1)], year.InsetDays);
    }
}
