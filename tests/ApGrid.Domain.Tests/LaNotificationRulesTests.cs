namespace ApGrid.Domain.Tests;

public sealed class LaNotificationRulesTests
{
    [Theory]
    [InlineData(PlacementRoute.OffSiteDirection, true)]
    [InlineData(PlacementRoute.SuspensionProvision, true)]
    [InlineData(PlacementRoute.LaPanel, false)]
    [InlineData(PlacementRoute.S19PermanentExclusion, false)]
    [InlineData(PlacementRoute.S19HealthOrOther, false)]
    [InlineData(PlacementRoute.EhcPlanS61, false)]
    public void Schools_notify_the_placements_they_commission(PlacementRoute route, bool notified) =>
        Assert.Equal(notified, LaNotificationRules.IsNotified(route));

    [Theory]
    [InlineData(LaNotificationStep.Notified, LaNotificationStatus.AwaitingAcknowledgement)]
    [InlineData(LaNotificationStep.Changed, LaNotificationStatus.AwaitingAcknowledgement)]
    [InlineData(LaNotificationStep.Answered, LaNotificationStatus.AwaitingAcknowledgement)]
    [InlineData(LaNotificationStep.Acknowledged, LaNotificationStatus.Acknowledged)]
    [InlineData(LaNotificationStep.Queried, LaNotificationStatus.Queried)]
    public void The_last_step_decides_the_status(LaNotificationStep step, LaNotificationStatus status) =>
        Assert.Equal(status, LaNotificationRules.StatusAfter(step));

    [Fact]
    public void Only_an_acknowledged_notification_is_off_the_list()
    {
        Assert.True(LaNotificationRules.IsOpen(LaNotificationStatus.AwaitingAcknowledgement));
        Assert.True(LaNotificationRules.IsOpen(LaNotificationStatus.Queried));
        Assert.False(LaNotificationRules.IsOpen(LaNotificationStatus.Acknowledged));
    }

    [Fact]
    public void The_la_acknowledges_an_open_notification_once()
    {
        Assert.Null(LaNotificationRules.CheckRespond(LaNotificationStatus.AwaitingAcknowledgement, LaNotificationStep.Acknowledged, null));
        Assert.Null(LaNotificationRules.CheckRespond(LaNotificationStatus.Queried, LaNotificationStep.Acknowledged, "Answered by phone"));
        Expect.Is(LaNotificationRules.CheckRespond(LaNotificationStatus.Acknowledged, LaNotificationStep.Acknowledged, null), ErrorCode.Conflict, "placementId");
    }

    [Fact]
    public void A_query_needs_a_question_and_an_open_notification()
    {
        Assert.Null(LaNotificationRules.CheckRespond(LaNotificationStatus.AwaitingAcknowledgement, LaNotificationStep.Queried, "Why five days?"));
        Assert.Null(LaNotificationRules.CheckRespond(LaNotificationStatus.Queried, LaNotificationStep.Queried, "And the transport?"));
        Expect.Is(LaNotificationRules.CheckRespond(LaNotificationStatus.AwaitingAcknowledgement, LaNotificationStep.Queried, "  "), ErrorCode.Validation, "question");
        Expect.Is(LaNotificationRules.CheckRespond(LaNotificationStatus.Acknowledged, LaNotificationStep.Queried, "Late question"), ErrorCode.Conflict, "placementId");
        Expect.Is(LaNotificationRules.CheckRespond(LaNotificationStatus.AwaitingAcknowledgement, LaNotificationStep.Queried, new string('q', LaNotificationRules.MaxNoteLength + 1)), ErrorCode.Validation, "question");
    }

    [Fact]
    public void The_school_answers_only_an_open_query()
    {
        Assert.Null(LaNotificationRules.CheckRespond(LaNotificationStatus.Queried, LaNotificationStep.Answered, "Transport is arranged."));
        Expect.Is(LaNotificationRules.CheckRespond(LaNotificationStatus.AwaitingAcknowledgement, LaNotificationStep.Answered, "Unasked"), ErrorCode.Conflict, "placementId");
        Expect.Is(LaNotificationRules.CheckRespond(LaNotificationStatus.Queried, LaNotificationStep.Answered, ""), ErrorCode.Validation, "answer");
    }

    [Fact]
    public void The_school_does_not_notify_by_responding() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LaNotificationRules.CheckRespond(LaNotificationStatus.Queried, LaNotificationStep.Changed, null));

    [Fact]
    public void Only_a_change_to_an_acknowledged_placement_renotifies()
    {
        Assert.True(LaNotificationRules.NeedsRenotifying(LaNotificationStatus.Acknowledged));
        Assert.False(LaNotificationRules.NeedsRenotifying(LaNotificationStatus.AwaitingAcknowledgement));
        Assert.False(LaNotificationRules.NeedsRenotifying(LaNotificationStatus.Queried));
    }
}
