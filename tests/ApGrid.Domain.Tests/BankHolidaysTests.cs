using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class BankHolidaysTests
{
    // The dates GOV.UK published for England and Wales.
    public static TheoryData<int, string[]> Published => new()
    {
        { 2019, ["01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"] },
        { 2020, ["01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"] },
        { 2021, ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"] },
        { 2022, ["01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26", "12-27"] },
        { 2023, ["01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"] },
        { 2024, ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"] },
        { 2025, ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"] },
        { 2026, ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"] },
        { 2027, ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"] },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void Match_the_published_dates(int year, string[] monthDays)
    {
        var expected = monthDays.Select(md => DateOnly.Parse($"{year}-{md}", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, BankHolidays.For(year));
    }

    [Theory]
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)]
    [InlineData(2011, 4, 24)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    [InlineData(2019, 4, 21)]
    public void Easter_follows_the_gregorian_computus(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), BankHolidays.EasterSunday(year));
    }

    [Fact]
    public void Every_year_has_eight_weekday_holidays_outside_the_one_off_years()
    {
        foreach (var year in Enumerable.Range(1990, 150).Where(y => y is not (2022 or 2023)))
        {
            var days = BankHolidays.For(year);
            Assert.Equal(8, days.Distinct().Count());
            Assert.All(days, d => Assert.True(d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{d} is a weekend"));
            Assert.All(days, d => Assert.Equal(year, d.Year));
        }
    }

    [Fact]
    public void A_christmas_on_saturday_puts_boxing_day_on_tuesday()
    {
        Assert.Contains(new DateOnly(2021, 12, 28), BankHolidays.For(2021));
        Assert.True(BankHolidays.IsBankHoliday(new DateOnly(2021, 12, 27)));
        Assert.False(BankHolidays.IsBankHoliday(new DateOnly(2021, 12, 25)));
    }
}
