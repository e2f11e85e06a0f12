namespace ApGrid.Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("ApGrid.SchoolProfile")]
public sealed record SchoolProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] Phase Phase,
    [property: Id(2)] Location Location);
