namespace ApGrid.Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("ApGrid.PlacementRef")]
public sealed record PlacementRef(
    [property: Id(0)] string PlacementId,
    [property: Id(1)] string PupilId);
