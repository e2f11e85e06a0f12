namespace ApGrid.Grains.Abstractions;

/// <summary>The settings an LA knows of, by kind.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.LocalAuthorityRegistry")]
public sealed record LocalAuthorityRegistry(
    [property: Id(0)] IReadOnlyList<RegistryEntry> Schools,
    [property: Id(1)] IReadOnlyList<RegistryEntry> ApSettings,
    [property: Id(2)] IReadOnlyList<RegistryEntry> SpecialSchools);
