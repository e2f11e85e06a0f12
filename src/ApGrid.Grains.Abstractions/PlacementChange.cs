namespace ApGrid.Grains.Abstractions;

/// <summary>A dated change to a live placement's sessions or planned end: the history a phased return leaves.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.PlacementChange")]
public sealed record PlacementChange(
    [property: Id(0)] DateOnly EffectiveFrom,
    [property: Id(1)] DateTimeOffset RecordedAt,
    [property: Id(2)] string By,
    [property: Id(3)] IReadOnlyList<Session> SessionsBefore,
    [property: Id(4)] IReadOnlyList<Session> SessionsAfter,
    [property: Id(5)] DateOnly PlannedEndBefore,
    [property: Id(6)] DateOnly PlannedEndAfter,
    [property: Id(7)] string? Reason);
