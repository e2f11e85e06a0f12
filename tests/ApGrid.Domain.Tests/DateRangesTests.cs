using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class DateRangesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void A_date_outside_the_calendar_is_refused_by_its_field()
    {
        Expect.Is(DateRanges.CheckCalendar("startDate", new DateOnly(9999, 12, 31)), ErrorCode.Validation, "startDate");
        Expect.Is(DateRanges.CheckCalendar("addedOn", DateOnly.MinValue), ErrorCode.Validation, "addedOn");
        Assert.Null(DateRanges.CheckCalendar("startDate", Today));
    }

    [Fact]
    public void Every_day_from_a_year_ago_to_a_year_ahead_is_a_start_the_la_may_give()
    {
        for (var day = Today.AddDays(-366); day <= Today.AddDays(DateRanges.MaxDaysAhead); day = day.AddDays(1))
        {
            Assert.Null(DateRanges.CheckStart("startDate", day, Today, backdateDays: 14, byLa: true));
        }
    }

    [Theory]
    [InlineData(9999, 12, 31)]
    [InlineData(2027, 11, 25)]
    [InlineData(2100, 1, 1)]
    public void A_start_more_than_a_year_ahead_is_refused_naming_the_latest_day(int year, int month, int day)
    {
        var error = DateRanges.CheckStart("startDate", new DateOnly(year, month, day), Today, 14, byLa: true);

        Expect.Is(error, ErrorCode.Validation, "startDate");
        Assert.Contains("no later than 2027-11-24", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backdating_beyond_the_window_needs_the_la_and_nobody_goes_back_more_than_five_years()
    {
        for (var back = 0; back <= 14; back++)
        {
            Assert.Null(DateRanges.CheckStart("startDate", Today.AddDays(-back), Today, 14, byLa: false));
            Assert.Null(DateRanges.CheckHappened("addedOn", Today.AddDays(-back), Today, 14, byLa: false));
        }

        Expect.Is(DateRanges.CheckStart("startDate", Today.AddDays(-15), Today, 14, byLa: false), ErrorCode.Forbidden, "startDate");
        Expect.Is(DateRanges.CheckHappened("addedOn", Today.AddDays(-15), Today, 14, byLa: false), ErrorCode.Forbidden, "addedOn");
        Assert.Null(DateRanges.CheckHappened("addedOn", Today.AddYears(-5), Today, 14, byLa: true));
        Expect.Is(DateRanges.CheckHappened("addedOn", Today.AddYears(-5).AddDays(-1), Today, 14, byLa: true), ErrorCode.Validation, "addedOn");
        Expect.Is(DateRanges.CheckHappened("addedOn", DateOnly.MinValue, Today, 14, byLa: true), ErrorCode.Validation, "addedOn");
    }

    [Fact]
    public void What_happened_cannot_be_in_the_future()
    {
        Assert.Null(DateRanges.CheckHappened("addedOn", Today, Today, 14, byLa: false));
        Expect.Is(DateRanges.CheckHappened("addedOn", Today.AddDays(1), Today, 14, byLa: true), ErrorCode.Validation, "addedOn");
        Expect.Is(DateRanges.CheckHappened("addedOn", DateOnly.MaxValue, Today, 14, byLa: true), ErrorCode.Validation, "addedOn");
    }

    [Fact]
    public void Any_year_from_one_to_9999_gives_an_answer_and_never_throws()
    {
        for (var year = 1; year <= 9999; year += 7)
        {
            var date = new DateOnly(year, 6, 15);
            _ = DateRanges.CheckStart("startDate", date, Today, 14, byLa: year % 2 == 0);
            _ = DateRanges.CheckHappened("addedOn", date, Today, 14, byLa: year % 2 == 0);
            _ = DateRanges.CheckCalendar("startDate", date);
        }

        Assert.NotNull(DateRanges.CheckStart("startDate", DateOnly.MaxValue, Today, 14, byLa: true));
    }
}
