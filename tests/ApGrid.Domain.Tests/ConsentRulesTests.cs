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

    [Fact]
    public void Earliest_start_is_two_school_days_after_notice()
    {
        Assert.Equal(NextMonday, ConsentRules.EarliestStart(Thursday));
        Assert.Equal(NextTuesday, ConsentRules.EarliestStart(Friday));
        Assert.Equal(NextTuesday, ConsentRules.EarliestStart(Saturday));
        Assert.Equal(NextTuesday, ConsentRules.EarliestStart(Saturday.AddDays(1)));
        Assert.Equal(new DateOnly(2025, 3, 5), ConsentRules.EarliestStart(new DateOnly(2025, 3, 3)));
    }

    [Fact]
    public void Start_on_the_earliest_date_or_later_is_allowed()
    {
        Assert.Null(ConsentRules.CheckStart(true, Thursday, NextMonday));
        Assert.Null(ConsentRules.CheckStart(true, Thursday, NextTuesday));
        Assert.Null(ConsentRules.CheckStart(true, Friday, NextTuesday));
    }

    [Fact]
    public void Start_one_day_too_early_names_the_earliest_date()
    {
        var error = ConsentRules.CheckStart(true, Friday, NextMonday);
        Expect.Is(error, ErrorCode.Validation, "startDate");
        Assert.Contains("2025-03-11", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_over_the_weekend_does_not_count_as_notice()
    {
        Expect.Is(ConsentRules.CheckStart(true, Thursday, Saturday.AddDays(1)), ErrorCode.Validation, "startDate");
        Expect.Is(ConsentRules.CheckStart(true, Thursday, Thursday), ErrorCode.Validation, "startDate");
    }

    [Fact]
    public void No_consent_is_consent_required_whatever_the_dates()
    {
        Expect.Is(ConsentRules.CheckStart(false, Thursday, NextTuesday), ErrorCode.ConsentRequired, "referralId");
        Expect.Is(ConsentRules.CheckStart(false, null, NextTuesday), ErrorCode.ConsentRequired, "referralId");
    }

    [Fact]
    public void Consent_without_a_notice_date_is_consent_required()
    {
        Expect.Is(ConsentRules.CheckStart(true, null, NextTuesday), ErrorCode.ConsentRequired, "referralId");
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
