using ApGrid.Domain;

namespace ApGrid.Domain.Tests;

public sealed class WaitingListRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData(SenProvision.EhcPlan, null, false, false)]
    [InlineData(SenProvision.SenSupport, EhcpStage.FinalIssued, false, false)]
    [InlineData(SenProvision.SenSupport, EhcpStage.Assessing, false, true)]
    [InlineData(SenProvision.SenSupport, EhcpStage.DraftIssued, false, true)]
    public void A_plan_or_an_assessment_intending_a_special_school_makes_a_pupil_eligible(SenProvision provision, EhcpStage? stage, bool ceased, bool intended) =>
        Assert.Null(WaitingListRules.CheckEligible(provision, stage, ceased, intended));

    [Theory]
    [InlineData(SenProvision.SenSupport, null, false, false)]
    [InlineData(SenProvision.None, null, false, false)]
    [InlineData(SenProvision.SenSupport, EhcpStage.Requested, false, false)]
    [InlineData(SenProvision.SenSupport, EhcpStage.Assessing, false, false)]
    [InlineData(SenProvision.SenSupport, EhcpStage.DraftIssued, false, false)]
    [InlineData(SenProvision.SenSupport, EhcpStage.FinalIssued, true, false)]
    [InlineData(SenProvision.SenSupport, EhcpStage.NotAssessed, false, false)]
    [InlineData(SenProvision.SenSupport, EhcpStage.NotIssued, false, true)]
    public void Without_either_a_pupil_cannot_wait(SenProvision provision, EhcpStage? stage, bool ceased, bool intended)
    {
        var error = WaitingListRules.CheckEligible(provision, stage, ceased, intended);
        Expect.Is(error, ErrorCode.Conflict, "pupilId");
        Assert.Contains("intention to name a special school", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_designation_that_misses_the_primary_need_is_refused_naming_both_unless_overridden()
    {
        NeedType[] designations = [NeedType.Asd, NeedType.Sld];
        Assert.Null(WaitingListRules.CheckNeedMatch(NeedType.Asd, designations, null));
        Assert.Null(WaitingListRules.CheckNeedMatch(NeedType.Semh, [], null));

        var mismatch = WaitingListRules.CheckNeedMatch(NeedType.Semh, designations, "  ");
        Expect.Is(mismatch, ErrorCode.Conflict, "specialSchoolUrn");
        Assert.Contains("designated for ASD, SLD, not the pupil's primary need SEMH", mismatch!.Message, StringComparison.Ordinal);
        Expect.Is(WaitingListRules.CheckNeedMatch(null, designations, null), ErrorCode.Conflict, "specialSchoolUrn");

        Assert.Null(WaitingListRules.CheckNeedMatch(NeedType.Semh, designations, "Nearest school able to meet SEMH alongside ASD"));
        Expect.Is(WaitingListRules.CheckNeedMatch(NeedType.Semh, designations, new string('x', 501)), ErrorCode.Validation, "overrideReason");
    }

    [Fact]
    public void AddedOn_cannot_be_in_the_future()
    {
        Assert.Null(WaitingListRules.ValidateAddedOn(Today, Today));
        Expect.Is(WaitingListRules.ValidateAddedOn(Today.AddDays(1), Today), ErrorCode.Validation, "addedOn");
    }

    [Fact]
    public void AddedOn_in_year_one_cannot_put_a_pupil_first()
    {
        Expect.Is(WaitingListRules.ValidateAddedOn(new DateOnly(1, 1, 1), Today), ErrorCode.Validation, "addedOn");
        Assert.Null(WaitingListRules.ValidateAddedOn(Today.AddYears(-DateRanges.MaxYearsBack), Today));
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
