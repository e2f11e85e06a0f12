namespace ApGrid.Grains.Abstractions;

/// <summary>One version of a provider's assurance record: what changed, who changed it and when, and the record as it then stood.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.AssuranceVersion")]
public sealed record AssuranceVersion(
    [property: Id(0)] int Version,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string By,
    [property: Id(3)] string Role,
    [property: Id(4)] AssuranceChange Change,
    [property: Id(5)] DueDiligenceRecord DueDiligence,
    [property: Id(6)] ProviderDecisionRecord? Decision,
    [property: Id(7)] string? Note);
