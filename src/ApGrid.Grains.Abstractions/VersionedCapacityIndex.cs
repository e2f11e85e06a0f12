namespace ApGrid.Grains.Abstractions;

/// <summary>The capacity index and the version it is at, read in one turn of the LA grain.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.VersionedCapacityIndex")]
public sealed record VersionedCapacityIndex(
    [property: Id(0)] CapacityIndexVersion Version,
    [property: Id(1)] IReadOnlyList<ApCapacitySnapshot> Settings);
