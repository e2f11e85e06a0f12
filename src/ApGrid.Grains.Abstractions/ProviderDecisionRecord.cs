namespace ApGrid.Grains.Abstractions;

/// <summary>The LA's decision on a provider: approved (until a day), with conditions, not approved or suspended, and why.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ProviderDecisionRecord")]
public sealed record ProviderDecisionRecord(
    [property: Id(0)] ProviderDecision Decision,
    [property: Id(1)] string? Reason,
    [property: Id(2)] DateOnly? ApprovedUntil,
    [property: Id(3)] DateOnly DecidedOn,
    [property: Id(4)] string DecidedBy);
