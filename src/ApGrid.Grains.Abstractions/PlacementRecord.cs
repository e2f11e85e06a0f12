namespace ApGrid.Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("ApGrid.PlacementRecord")]
public sealed record PlacementRecord(
    [property: Id(0)] string PlacementId,
    [property: Id(1)] string ApUrn,
    [property: Id(2)] DateOnly StartDate,
    [property: Id(3)] DateOnly PlannedEndDate,
    [property: Id(4)] bool FullTime,
    [property: Id(5)] IReadOnlyList<Session> Sessions,
    [property: Id(6)] Registration ApRegistration,
    [property: Id(7)] DateOnly? EndDate);
