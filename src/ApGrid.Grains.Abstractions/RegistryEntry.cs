namespace ApGrid.Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("ApGrid.RegistryEntry")]
public sealed record RegistryEntry(
    [property: Id(0)] string Urn,
    [property: Id(1)] string Name);
