namespace ApGrid.Grains.Abstractions;

/// <summary>Where the pupil went when the placement ended: a school by URN, or a kind with a reason.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.PlacementDestination")]
public sealed record PlacementDestination(
    [property: Id(0)] DestinationKind Kind,
    [property: Id(1)] string? Urn,
    [property: Id(2)] string? Reason);
