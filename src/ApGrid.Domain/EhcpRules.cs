namespace ApGrid.Domain;

/// <summary>
/// The legal order of an EHC needs assessment: a decision whether to assess (or a refusal), then a
/// draft plan, then the final plan, or a decision not to issue one. Dates never go backwards and are
/// never in the future.
/// </summary>
public static class EhcpRules
{
    public static (EhcpStage Stage, DomainError? Error) Apply(EhcpStage stage, EhcpMilestone milestone) => (stage, milestone) switch
    {
        (EhcpStage.Requested, EhcpMilestone.DecisionToAssess) => (EhcpStage.Assessing, null),
        (EhcpStage.Requested, EhcpMilestone.RefusedToAssess) => (EhcpStage.NotAssessed, null),
        (EhcpStage.Assessing, EhcpMilestone.DraftIssued) => (EhcpStage.DraftIssued, null),
        (EhcpStage.Assessing, EhcpMilestone.NotIssued) => (EhcpStage.NotIssued, null),
        (EhcpStage.DraftIssued, EhcpMilestone.FinalIssued) => (EhcpStage.FinalIssued, null),
        (EhcpStage.DraftIssued, EhcpMilestone.NotIssued) => (EhcpStage.NotIssued, null),
        _ => (stage, DomainError.Validation("milestone", $"{ContractNames.Of(milestone)} cannot follow {ContractNames.Of(stage)}: milestones come as decision, draft, final (or refusal / not issued).")),
    };

    public static DomainError? ValidateDate(DateOnly date, DateOnly lastDate, DateOnly today) =>
        date < lastDate ? DomainError.Validation("date", $"The date cannot be before the case's last date, {lastDate:yyyy-MM-dd}.")
        : date > today ? DomainError.Validation("date", "The date cannot be in the future.")
        : null;

    public static bool IsOpen(EhcpStage stage) => stage is EhcpStage.Requested or EhcpStage.Assessing or EhcpStage.DraftIssued;

    public static bool ClosedWithoutPlan(EhcpStage stage) => stage is EhcpStage.NotAssessed or EhcpStage.NotIssued;
}
