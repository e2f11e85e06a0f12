namespace ApGrid.Grains.Abstractions;

/// <summary>The LA's recorded decision to place one pupil at a provider that is not approved, and why.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ApprovalOverride")]
public sealed record ApprovalOverride(
    [property: Id(0)] string PupilId,
    [property: Id(1)] string Reason,
    [property: Id(2)] string By,
    [property: Id(3)] DateOnly On);
