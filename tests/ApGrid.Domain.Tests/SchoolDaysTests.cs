using ApGrid.Domain;
using CsCheck;

namespace ApGrid.Domain.Tests;

public sealed class SchoolDaysTests
{
    // 2025-03-03 is a Monday.
    private static readonly DateOnly Monday = new(2025, 3, 3);

    [Theory]
    [InlineData(0, 1, 4)] // Monday + 1 -> Tuesday
    [InlineData(3, 1, 7)] // Thursday + 1 -> Friday
    [InlineData(4, 1, 10)] // Friday + 1 -> Monday
    [InlineData(5, 1, 10)] // Saturday + 1 -> Monday
    [InlineData(6, 1, 10)] // Sunday + 1 -> Monday
    [InlineData(3, 2, 10)] // Thursday + 2 -> Monday
    [InlineData(4, 2, 11)] // Friday + 2 -> Tuesday
    [InlineData(5, 2, 11)] // Saturday + 2 -> Tuesday
    [InlineData(0, 5, 10)] // a school week is 7 days
    [InlineData(5, 5, 14)] // Saturday + 5 -> Friday, not the next Saturday
    [InlineData(0, 10, 17)]
    public void Adds_only_weekdays(int startOffset, int days, int expectedDayOfMarch)
    {
        var start = Monday.AddDays(startOffset);
        Assert.Equal(new DateOnly(2025, 3, expectedDayOfMarch), SchoolDays.AddSchoolDays(start, days));
    }

    [Fact]
    public void Zero_days_returns_the_date_even_at_a_weekend()
    {
        Assert.Equal(Monday.AddDays(5), SchoolDays.AddSchoolDays(Monday.AddDays(5), 0));
        Assert.Equal(Monday, SchoolDays.AddSchoolDays(Monday, 0));
    }

    [Fact]
    public void Negative_days_count_backwards_over_weekends()
    {
        Assert.Equal(Monday.AddDays(-3), SchoolDays.AddSchoolDays(Monday, -1)); // Friday before
        Assert.Equal(Monday.AddDays(-3), SchoolDays.AddSchoolDays(Monday.AddDays(-1), -1)); // Sunday -> Friday
        Assert.Equal(Monday.AddDays(-7), SchoolDays.AddSchoolDays(Monday, -5));
    }

    [Fact]
    public void Weekends_are_not_school_days()
    {
        Assert.Equal(5, Enumerable.Range(0, 7).Count(i => SchoolDays.IsSchoolDay(Monday.AddDays(i))));
        Assert.False(SchoolDays.IsSchoolDay(Monday.AddDays(5)));
        Assert.False(SchoolDays.IsSchoolDay(Monday.AddDays(6)));
    }

    [Fact]
    public void Matches_stepping_one_day_at_a_time()
    {
        var genDate = Gen.Int[0, 20000].Select(d => new DateOnly(2000, 1, 1).AddDays(d));
        Gen.Select(genDate, Gen.Int[-60, 60]).Sample((date, days) =>
        {
            var expected = date;
            var step = Math.Sign(days);
            for (var left = Math.Abs(days); left > 0;)
            {
                expected = expected.AddDays(step);
                if (expected.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    left--;
                }
            }

            return SchoolDays.AddSchoolDays(date, days) == expected;
        });
    }

    [Fact]
    public void Any_nonzero_count_lands_on_a_school_day()
    {
        var genDate = Gen.Int[0, 20000].Select(d => new DateOnly(2000, 1, 1).AddDays(d));
        var genDays = Gen.Int[-5000, 5000].Where(d => d != 0);
        Gen.Select(genDate, genDays).Sample((date, days) => SchoolDays.IsSchoolDay(SchoolDays.AddSchoolDays(date, days)));
    }

    [Fact]
    public void Counts_beyond_the_calendar_throw_instead_of_overflowing()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SchoolDays.AddSchoolDays(Monday, int.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => SchoolDays.AddSchoolDays(Monday, int.MinValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => SchoolDays.AddSchoolDays(DateOnly.MaxValue.AddDays(-1), 5));
    }
}
