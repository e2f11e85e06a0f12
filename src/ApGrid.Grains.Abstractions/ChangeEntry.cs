namespace ApGrid.Grains.Abstractions;

/// <summary>One accepted change: what kind, when, and which object; Sequence only grows within a tenant.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ChangeEntry")]
public sealed record ChangeEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] ChangeKind Kind,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string SubjectId);
