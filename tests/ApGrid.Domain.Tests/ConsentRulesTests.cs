using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class ConsentRulesTests
{
    // 2025-03-06 is a Thursday.
    private static readonly DateOnly Thursday = new(2025, 3, 6);
    private static readonly DateOnly Friday = new(2025, 3, 7);
    private static readonly DateOnly Saturday = new(2025, 3, 8);
    private static readonly DateOnly NextMonday = new(2025, 3, 10);
    private static readonly DateOnly NextTuesday = new(2025, 3, 11);

    // Mid spring 2 of the default 2024/25 year: no holiday, bank holiday or INSET day nearby, so
    // only the weekend is skipped here; the calendar's own tests cover the rest.
    private static readonly SchoolCalendar Calendar = new([DefaultTermDates.For(2024)]);

    [Fact]
    public void Earliest_start_is_two_school_days_after_notice()
    {
        Assert.Equal(NextMonday, ConsentRules.EarliestStart(Calendar, Thursday));
        Assert.Equal(NextTuesday, ConsentRules.EarliestStart(Calendar, Friday));
        Assert.Equal(NextTuesday, ConsentRules.EarliestStart(Calendar, Saturday));
        Assert.Equal(NextTuesday, ConsentRules.EarliestStart(Calendar, Saturday.AddDays(1)));
        Assert.Equal(new DateOnly(2025, 3, 5), ConsentRules.EarliestStart(Calendar, new DateOnly(2025, 3, 3)));
    }

    [Fact]
    public void Notice_on_the_last_day_of_term_allows_a_start_on_the_second_school_day_of_the_next_term()
    {
        var calendar = new SchoolCalendar([SchoolCalendarTests.Year2025(insetDays: [])]);
        var lastDayOfAutumn = new DateOnly(2025, 12, 19);
        var firstDayOfSpring = new DateOnly(2026, 1, 5);

        Assert.Equal(firstDayOfSpring.AddDays(1), ConsentRules.EarliestStart(calendar, lastDayOfAutumn));
        Expect.Is(ConsentRules.CheckStart(calendar, true, lastDayOfAutumn, firstDayOfSpring), ErrorCode.Validation, "startDate");
        Expect.Is(ConsentRules.CheckStart(calendar, true, lastDayOfAutumn, new DateOnly(2025, 12, 22)), ErrorCode.Validation, "startDate");
        Assert.Null(ConsentRules.CheckStart(calendar, true, lastDayOfAutumn, firstDayOfSpring.AddDays(1)));
    }

    [Fact]
    public void A_bank_holiday_is_not_a_day_of_notice()
    {
        // Monday 4 May 2026 is the early May bank holiday.
        var calendar = new SchoolCalendar([SchoolCalendarTests.Year2025(insetDays: [])]);
        var friday = new DateOnly(2026, 5, 1);

        Assert.Equal(new DateOnly(2026, 5, 6), ConsentRules.EarliestStart(calendar, friday));
        Expect.Is(ConsentRules.CheckStart(calendar, true, friday, new DateOnly(2026, 5, 5)), ErrorCode.Validation, "startDate");
    }

    [Fact]
    public void An_inset_day_is_not_a_day_of_notice()
    {
        var monday = new DateOnly(2025, 10, 13);
        var laInset = new SchoolCalendar([SchoolCalendarTests.Year2025(insetDays: [new DateOnly(2025, 10, 15)])]);
        var schoolInset = new SchoolCalendar([SchoolCalendarTests.Year2025(insetDays: [])], [new DateOnly(2025, 10, 14)]);

        Assert.Equal(new DateOnly(2025, 10, 16), ConsentRules.EarliestStart(laInset, monday));
        Assert.Equal(new DateOnly(2025, 10, 16), ConsentRules.EarliestStart(schoolInset, monday));
        Expect.Is(ConsentRules.CheckStart(schoolInset, true, monday, new DateOnly(2025, 10, 15)), ErrorCode.Validation, "startDate");
    }

    [Fact]
    public void Start_on_the_earliest_date_or_later_is_allowed()
    {
        Assert.Null(ConsentRules.CheckStart(Calendar, true, Thursday, NextMonday));
        Assert.Null(ConsentRules.CheckStart(Calendar, true, Thursday, NextTuesday));
        Assert.Null(ConsentRules.CheckStart(Calendar, true, Friday, NextTuesday));
    }

    [Fact]
    public void Start_one_day_too_early_names_the_earliest_date()
    {
        var error = ConsentRules.CheckStart(Calendar, true, Friday, NextMonday);
        Expect.Is(error, ErrorCode.Validation, "startDate");
        Assert.Contains("2025-03-11", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_over_the_weekend_does_not_count_as_notice()
    {
        Expect.Is(ConsentRules.CheckStart(Calendar, true, Thursday, Saturday.AddDays(1)), ErrorCode.Validation, "startDate");
        Expect.Is(ConsentRules.CheckStart(Calendar, true, Thursday, Thursday), ErrorCode.Validation, "startDate");
    }

    [Fact]
    public void No_consent_is_consent_required_whatever_the_dates()
    {
        Expect.Is(ConsentRules.CheckStart(Calendar, false, Thursday, NextTuesday), ErrorCode.ConsentRequired, "referralId");
        Expect.Is(ConsentRules.CheckStart(Calendar, false, null, NextTuesday), ErrorCode.ConsentRequired, "referralId");
    }

    [Fact]
    public void Consent_without_a_notice_date_is_consent_required()
    {
        Expect.Is(ConsentRules.CheckStart(Calendar, true, null, NextTuesday), ErrorCode.ConsentRequired, "referralId");
    }

    [Fact]
    public void Notice_between_submission_and_today_inclusive_is_valid()
    {
        Assert.Null(ConsentRules.ValidateNotice(Thursday, Thursday, Thursday));
        Assert.Null(ConsentRules.ValidateNotice(Friday, Thursday, Saturday));
        Assert.Null(ConsentRules.ValidateNotice(Saturday, Thursday, Saturday));
    }

    [Fact]
    public void Notice_before_submission_is_rejected()
    {
        Expect.Is(ConsentRules.ValidateNotice(Thursday.AddDays(-1), Thursday, Saturday), ErrorCode.Validation, "noticeGivenOn");
    }

    [Fact]
    public void Notice_dated_tomorrow_is_rejected()
    {
        Expect.Is(ConsentRules.ValidateNotice(Friday, Thursday, Thursday), ErrorCode.Validation, "noticeGivenOn");
    }
}
