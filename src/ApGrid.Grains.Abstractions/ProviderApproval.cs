namespace ApGrid.Grains.Abstractions;

/// <summary>
/// What a provider's standing rests on, as its assurance grain sends it to the setting: the decision,
/// the last day each dated part holds, and the pupils the LA let through regardless. Version orders
/// the sends, so an older one arriving late changes nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ProviderApproval")]
public sealed record ProviderApproval(
    [property: Id(0)] long Version,
    [property: Id(1)] ProviderDecision Decision,
    [property: Id(2)] string? Reason,
    [property: Id(3)] DateOnly? ApprovedUntil,
    [property: Id(4)] DateOnly? InsuranceExpires,
    [property: Id(5)] DateOnly? VettingValidUntil,
    [property: Id(6)] DateOnly? VisitValidUntil,
    [property: Id(7)] IReadOnlyList<ApprovalOverride> Overrides)
{
    /// <summary>The LA's alert window: a part lapsing within this many days turns the provider amber.</summary>
    [Id(8)] public int AlertDaysBefore { get; init; } = AssurancePolicy.Default.AlertDaysBefore;

    public ProviderEvidence ToEvidence() => new(Decision, Reason, ApprovedUntil, InsuranceExpires, VettingValidUntil, VisitValidUntil);

    /// <summary>The setting's standing today; a setting never assessed has none and is not approved.</summary>
    /// <summary>The approved-only rule for a reservation, as the setting applies it: today's standing and any override for the pupil.</summary>
    public static DomainError? CheckReservation(ApSettingProfile profile, string pupilId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return ProviderStandingRules.CheckCommissioning(
            profile.Name, profile.Type, ProviderStandingRules.Evaluate(profile.Approval?.ToEvidence(), today, alertDays: 0), profile.Approval?.Overrides.Any(o => o.PupilId == pupilId) == true);
    }
}
