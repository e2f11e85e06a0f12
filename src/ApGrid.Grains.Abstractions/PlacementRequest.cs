namespace ApGrid.Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("ApGrid.PlacementRequest")]
public sealed record PlacementRequest(
    [property: Id(0)] string PlacementId,
    [property: Id(1)] string ApUrn,
    [property: Id(2)] DateOnly StartDate,
    [property: Id(3)] DateOnly PlannedEndDate,
    [property: Id(4)] bool FullTime,
    [property: Id(5)] IReadOnlyList<Session> Sessions);
