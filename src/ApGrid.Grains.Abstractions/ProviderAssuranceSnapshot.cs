namespace ApGrid.Grains.Abstractions;

/// <summary>A provider's assurance record as it stands, with every earlier version, newest last.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ProviderAssuranceSnapshot")]
public sealed record ProviderAssuranceSnapshot(
    [property: Id(0)] string Urn,
    [property: Id(1)] DueDiligenceRecord DueDiligence,
    [property: Id(2)] ProviderDecisionRecord? Decision,
    [property: Id(3)] IReadOnlyList<AssuranceVersion> History,
    [property: Id(4)] IReadOnlyList<ApprovalOverride> Overrides,
    [property: Id(5)] IReadOnlyList<PlacementExtension> Extensions,
    [property: Id(6)] ProviderApproval Approval,
    [property: Id(7)] int MaxNonSchoolWeeks);
