namespace ApGrid.Grains.Abstractions;

/// <summary>The wire and storage form of the domain's <see cref="HalfTerm"/>, which knows nothing of Orleans.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.HalfTermSurrogate")]
public readonly record struct HalfTermSurrogate(
    [property: Id(0)] DateOnly Start,
    [property: Id(1)] DateOnly End);
