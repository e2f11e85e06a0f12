namespace ApGrid.Grains.Abstractions;

/// <summary>
/// A read of the audit trail: the entries found, and the sequence the reader got to. With a pupil
/// filter the scan may pass entries of other pupils, so NextAfter can lie beyond the last entry.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.AuditTrailPage")]
public sealed record AuditTrailPage(
    [property: Id(0)] IReadOnlyList<AuditEntry> Entries,
    [property: Id(1)] long NextAfter,
    [property: Id(2)] bool HasMore);
