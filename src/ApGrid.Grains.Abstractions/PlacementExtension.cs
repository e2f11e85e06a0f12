namespace ApGrid.Grains.Abstractions;

/// <summary>A non-school placement allowed past the time limit until a day, with the reason recorded at a review.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.PlacementExtension")]
public sealed record PlacementExtension(
    [property: Id(0)] string PlacementId,
    [property: Id(1)] DateOnly Until,
    [property: Id(2)] string Reason,
    [property: Id(3)] string By,
    [property: Id(4)] DateOnly On);
