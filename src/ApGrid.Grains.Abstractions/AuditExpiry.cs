namespace ApGrid.Grains.Abstractions;

/// <summary>Audit entries past retention: how many went (or would go), up to which sequence, and the cut-off they were older than.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.AuditExpiry")]
public sealed record AuditExpiry(
    [property: Id(0)] int Entries,
    [property: Id(1)] long ThroughSequence,
    [property: Id(2)] DateTimeOffset Before,
    [property: Id(3)] bool DryRun);
