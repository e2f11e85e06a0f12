namespace ApGrid.Domain;

/// <summary>
/// What a provider's standing rests on: the LA's decision and the last day each dated part of it
/// holds (null: never given). The periods (how long a vetting check or a visit holds) are applied
/// when the evidence is made (<see cref="AssurancePolicy"/>), so the standing needs only dates.
/// </summary>
public sealed record ProviderEvidence(
    ProviderDecision Decision,
    string? Reason,
    DateOnly? ApprovedUntil,
    DateOnly? InsuranceExpires,
    DateOnly? VettingValidUntil,
    DateOnly? VisitValidUntil)
{
    public static readonly ProviderEvidence None = new(ProviderDecision.NotDecided, null, null, null, null, null);

    /// <summary>Every dated part, missing ones as <see cref="DateOnly.MinValue"/> (lapsed since forever).</summary>
    public IReadOnlyList<ProviderExpiry> Expiries =>
    [
        new(ExpiryItem.Approval, ApprovedUntil ?? DateOnly.MinValue),
        new(ExpiryItem.Insurance, InsuranceExpires ?? DateOnly.MinValue),
        new(ExpiryItem.VettingConfirmation, VettingValidUntil ?? DateOnly.MinValue),
        new(ExpiryItem.Visit, VisitValidUntil ?? DateOnly.MinValue),
    ];
}
