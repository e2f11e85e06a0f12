namespace ApGrid.Api.Rest;

/// <summary>The dates of a provider's due diligence: what its own systems send and read back. Visit notes and concerns are never here.</summary>
public sealed record ProviderEvidenceResource(
    string? DslName,
    DateOnly? DslTrainedOn,
    DateOnly? VettingConfirmedOn,
    DateOnly? SafeguardingPolicyOn,
    DateOnly? BehaviourPolicyOn,
    DateOnly? InsuranceExpires,
    DateOnly? SiteRiskAssessmentOn,
    DateOnly? ActivityRiskAssessmentOn,
    DateOnly? LastVisitOn);
