using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class WaitingListRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData(SenProvision.EhcPlan, null)]
    [InlineData(SenProvision.SenSupport, EhcpStage.Requested)]
    [InlineData(SenProvision.SenSupport, EhcpStage.Assessing)]
    [InlineData(SenProvision.SenSupport, EhcpStage.DraftIssued)]
    [InlineData(SenProvision.SenSupport, EhcpStage.FinalIssued)]
    public void A_plan_or_an_assessment_in_progress_makes_a_pupil_eligible(SenProvision provision, EhcpStage? stage) =>
        Assert.Null(WaitingListRules.CheckEligible(provision, stage));

    [Theory]
    [InlineData(SenProvision.SenSupport, null)]
    [InlineData(SenProvision.None, null)]
    [InlineData(SenProvision.SenSupport, EhcpStage.NotAssessed)]
    [InlineData(SenProvision.SenSupport, EhcpStage.NotIssued)]
    public void Without_either_a_pupil_cannot_wait(SenProvision provision, EhcpStage? stage) =>
        Expect.Is(WaitingListRules.CheckEligible(provision, stage), ErrorCode.Conflict, "pupilId");

    [Fact]
    public void AddedOn_cannot_be_in_the_future()
    {
        Assert.Null(WaitingListRules.ValidateAddedOn(Today, Today));
        Expect.Is(WaitingListRules.ValidateAddedOn(Today.AddDays(1), Today), ErrorCode.Validation, "addedOn");
    }

    [Fact]
    public void An_offer_needs_a_free_place() =>
        Expect.Is(WaitingListRules.CheckOffer(WaitingStatus.Waiting, 0, isFirstWaiting: true, null), ErrorCode.CapacityExhausted, "entryId");

    [Fact]
    public void An_offer_goes_to_the_first_waiting_entry_unless_a_reason_is_recorded()
    {
        Assert.Null(WaitingListRules.CheckOffer(WaitingStatus.Waiting, 1, isFirstWaiting: true, null));
        Expect.Is(WaitingListRules.CheckOffer(WaitingStatus.Waiting, 1, isFirstWaiting: false, null), ErrorCode.Conflict, "reason");
        Expect.Is(WaitingListRules.CheckOffer(WaitingStatus.Waiting, 1, isFirstWaiting: false, "  "), ErrorCode.Conflict, "reason");
        Assert.Null(WaitingListRules.CheckOffer(WaitingStatus.Waiting, 1, isFirstWaiting: false, "Sibling on roll; closer match of need"));
        Expect.Is(WaitingListRules.CheckOffer(WaitingStatus.Waiting, 1, isFirstWaiting: false, new string('x', 501)), ErrorCode.Validation, "reason");
    }

    [Theory]
    [InlineData(WaitingStatus.Offered)]
    [InlineData(WaitingStatus.Accepted)]
    [InlineData(WaitingStatus.Declined)]
    [InlineData(WaitingStatus.Removed)]
    public void Only_a_waiting_entry_can_be_offered(WaitingStatus status) =>
        Expect.Is(WaitingListRules.CheckOffer(status, 5, isFirstWaiting: true, null), ErrorCode.Conflict, "entryId");

    [Fact]
    public void Only_an_offered_entry_can_be_answered()
    {
        Assert.Null(WaitingListRules.CheckResponse(WaitingStatus.Offered));
        Expect.Is(WaitingListRules.CheckResponse(WaitingStatus.Waiting), ErrorCode.Conflict, "entryId");
    }

    [Fact]
    public void Days_waiting_run_to_today_while_open_and_stop_when_closed()
    {
        Assert.Equal(30, WaitingListRules.DaysWaiting(Today.AddDays(-30), null, Today));
        Assert.Equal(10, WaitingListRules.DaysWaiting(Today.AddDays(-30), Today.AddDays(-20), Today));
        Assert.Equal(0, WaitingListRules.DaysWaiting(Today, null, Today));
    }
}
