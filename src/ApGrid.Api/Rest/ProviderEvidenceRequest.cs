namespace ApGrid.Api.Rest;

/// <summary>The body of PUT /api/v1/providers/{urn}/evidence: the evidence dates the provider's staff send; a member left out or null stays as it is.</summary>
public sealed record ProviderEvidenceRequest(
    string? DslName,
    DateOnly? DslTrainedOn,
    DateOnly? SafeguardingPolicyOn,
    DateOnly? BehaviourPolicyOn,
    DateOnly? InsuranceExpires,
    DateOnly? SiteRiskAssessmentOn,
    DateOnly? ActivityRiskAssessmentOn);
