namespace ApGrid.Domain.Tests;

public sealed class EhcLifecycleTests
{
    private static readonly DateOnly Today = new(2027, 6, 1);

    [Fact]
    public void A_final_within_15_days_of_the_draft_is_refused_naming_the_rule_and_the_first_allowed_day()
    {
        var draft = new DateOnly(2027, 1, 4);
        Assert.Null(EhcLifecycle.CheckFinalAfterDraft(draft, new DateOnly(2027, 1, 19)));

        var error = EhcLifecycle.CheckFinalAfterDraft(draft, new DateOnly(2027, 1, 18));
        Expect.Is(error, ErrorCode.Validation, "date");
        Assert.Equal(
            "A final plan may be issued no sooner than 15 days after the draft (issued 2027-01-04), so parents can comment and name a school: not before 2027-01-19.",
            error!.Message);
    }

    [Theory]
    [InlineData(EhcDeadlineKind.Decision, "5(4)")]
    [InlineData(EhcDeadlineKind.NotIssueNotice, "10(4)")]
    [InlineData(EhcDeadlineKind.Final, "13(3)")]
    public void Each_assessment_time_limit_has_its_exception_regulation(EhcDeadlineKind deadline, string regulation)
    {
        Assert.Equal(regulation, EhcLifecycle.ExceptionRegulation(deadline));
        Assert.Null(EhcLifecycle.ValidateException(deadline, Today, "School closed for summer", Today.AddDays(-30), Today));
    }

    [Fact]
    public void Exceptions_are_refused_for_review_deadlines_future_dates_dates_before_the_request_and_long_notes()
    {
        var requested = Today.AddDays(-30);
        Expect.Is(EhcLifecycle.ValidateException(EhcDeadlineKind.AnnualReview, Today, null, requested, Today), ErrorCode.Validation, "deadline");
        Expect.Is(EhcLifecycle.ValidateException(EhcDeadlineKind.Final, Today.AddDays(1), null, requested, Today), ErrorCode.Validation, "date");
        Expect.Is(EhcLifecycle.ValidateException(EhcDeadlineKind.Final, requested.AddDays(-1), null, requested, Today), ErrorCode.Validation, "date");
        Expect.Is(EhcLifecycle.ValidateException(EhcDeadlineKind.Final, Today, new string('n', 501), requested, Today), ErrorCode.Validation, "note");
    }

    [Fact]
    public void A_review_meeting_follows_the_plan_and_the_last_review()
    {
        var final = Today.AddDays(-400);
        Assert.Null(EhcLifecycle.ValidateReviewMeeting(Today, final, Today.AddDays(-30), Today));
        Expect.Is(EhcLifecycle.ValidateReviewMeeting(final.AddDays(-1), final, null, Today), ErrorCode.Validation, "meetingOn");
        Expect.Is(EhcLifecycle.ValidateReviewMeeting(Today.AddDays(-30), final, Today.AddDays(-30), Today), ErrorCode.Validation, "meetingOn");
        Expect.Is(EhcLifecycle.ValidateReviewMeeting(Today.AddDays(1), final, null, Today), ErrorCode.Validation, "meetingOn");
    }

    [Fact]
    public void A_review_decision_is_made_once_on_or_after_the_meeting()
    {
        var meeting = Today.AddDays(-10);
        Assert.Null(EhcLifecycle.ValidateReviewDecision(meeting, meeting, null, Today));
        Expect.Is(EhcLifecycle.ValidateReviewDecision(meeting.AddDays(-1), meeting, null, Today), ErrorCode.Validation, "date");
        Expect.Is(EhcLifecycle.ValidateReviewDecision(Today.AddDays(1), meeting, null, Today), ErrorCode.Validation, "date");
        Expect.Is(EhcLifecycle.ValidateReviewDecision(Today, meeting, meeting, Today), ErrorCode.Conflict, "meetingOn");
    }

    [Fact]
    public void Only_a_standing_issued_plan_can_be_ceased()
    {
        var last = Today.AddDays(-100);
        Assert.Null(EhcLifecycle.ValidateCease(EhcpStage.FinalIssued, null, Today, last, Today, null));
        Expect.Is(EhcLifecycle.ValidateCease(EhcpStage.DraftIssued, null, Today, last, Today, null), ErrorCode.Conflict, "pupilId");
        Expect.Is(EhcLifecycle.ValidateCease(EhcpStage.FinalIssued, Today.AddDays(-1), Today, last, Today, null), ErrorCode.Conflict, "pupilId");
        Expect.Is(EhcLifecycle.ValidateCease(EhcpStage.FinalIssued, null, last.AddDays(-1), last, Today, null), ErrorCode.Validation, "date");
    }

    [Fact]
    public void Cease_reasons_carry_the_SEN2_codes_1_to_10()
    {
        Assert.Equal(Enumerable.Range(1, 10), Enum.GetValues<EhcCeaseReason>().Select(EhcLifecycle.Sen2CeaseCode));
        Assert.Equal(6, EhcLifecycle.Sen2CeaseCode(EhcCeaseReason.MovedToAnotherLa));
        Assert.Equal(9, EhcLifecycle.Sen2CeaseCode(EhcCeaseReason.Deceased));
    }
}
