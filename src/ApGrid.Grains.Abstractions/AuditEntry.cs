namespace ApGrid.Grains.Abstractions;

/// <summary>An audit record as stored: Sequence only grows within a tenant, At is the node's clock at append.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] AuditRecord Record);
