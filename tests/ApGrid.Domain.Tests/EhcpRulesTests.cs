namespace ApGrid.Domain.Tests;

public sealed class EhcpRulesTests
{
    [Theory]
    [InlineData(EhcpStage.Requested, EhcpMilestone.DecisionToAssess, EhcpStage.Assessing)]
    [InlineData(EhcpStage.Requested, EhcpMilestone.RefusedToAssess, EhcpStage.NotAssessed)]
    [InlineData(EhcpStage.Assessing, EhcpMilestone.DraftIssued, EhcpStage.DraftIssued)]
    [InlineData(EhcpStage.Assessing, EhcpMilestone.NotIssued, EhcpStage.NotIssued)]
    [InlineData(EhcpStage.DraftIssued, EhcpMilestone.FinalIssued, EhcpStage.FinalIssued)]
    [InlineData(EhcpStage.DraftIssued, EhcpMilestone.NotIssued, EhcpStage.NotIssued)]
    public void Milestones_in_legal_order_move_the_case_on(EhcpStage from, EhcpMilestone milestone, EhcpStage to)
    {
        var (stage, error) = EhcpRules.Apply(from, milestone);

        Assert.Null(error);
        Assert.Equal(to, stage);
    }

    [Theory]
    [InlineData(EhcpStage.Requested, EhcpMilestone.FinalIssued)]
    [InlineData(EhcpStage.Requested, EhcpMilestone.DraftIssued)]
    [InlineData(EhcpStage.Assessing, EhcpMilestone.DecisionToAssess)]
    [InlineData(EhcpStage.FinalIssued, EhcpMilestone.NotIssued)]
    [InlineData(EhcpStage.NotAssessed, EhcpMilestone.DecisionToAssess)]
    public void Milestones_out_of_order_are_refused_naming_the_milestone(EhcpStage from, EhcpMilestone milestone)
    {
        var (stage, error) = EhcpRules.Apply(from, milestone);

        Assert.Equal((ErrorCode.Validation, "milestone"), (error!.Code, error.Field));
        Assert.Equal(from, stage);
    }

    [Fact]
    public void Dates_never_go_backwards_nor_into_the_future()
    {
        var today = new DateOnly(2026, 11, 23);

        Assert.Null(EhcpRules.ValidateDate(today, today, today));
        Assert.Equal("date", EhcpRules.ValidateDate(today.AddDays(-1), today, today)!.Field);
        Assert.Equal("date", EhcpRules.ValidateDate(today.AddDays(1), today.AddDays(-5), today)!.Field);
    }
}
