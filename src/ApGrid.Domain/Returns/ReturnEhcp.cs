namespace ApGrid.Domain.Returns;

/// <summary>A pupil's EHC needs assessment and plan as SEN2 reads them.</summary>
public sealed record ReturnEhcp(
    DateOnly RequestedOn,
    EhcRequestSource? Source,
    EhcpStage Stage,
    DateOnly? DecisionOn,
    DateOnly? FinalIssuedOn,
    DateOnly? NotIssuedOn,
    bool TimeLimitExceptions,
    IReadOnlyList<EhcReviewDates> Reviews,
    DateOnly? CeasedOn = null,
    EhcCeaseReason? CeaseReason = null);
