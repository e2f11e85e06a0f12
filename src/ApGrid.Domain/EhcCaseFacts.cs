namespace ApGrid.Domain;

/// <summary>What the deadlines of an EHC case depend on.</summary>
/// <param name="DateOfBirth">Null when unknown: no phase-transfer deadline is then computed.</param>
/// <param name="NcyOffset">Whole years the pupil is taught out of their chronological year group (usually 0).</param>
public sealed record EhcCaseFacts(
    DateOnly RequestedOn,
    EhcpStage Stage,
    DateOnly? DecisionOn,
    DateOnly? DraftIssuedOn,
    DateOnly? FinalIssuedOn,
    DateOnly? NotIssuedOn,
    IReadOnlyList<EhcReviewDates> Reviews,
    DateOnly? CeasedOn,
    DateOnly? DateOfBirth,
    int NcyOffset = 0);
