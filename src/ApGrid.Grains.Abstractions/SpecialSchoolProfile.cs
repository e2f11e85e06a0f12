namespace ApGrid.Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("ApGrid.SpecialSchoolProfile")]
public sealed record SpecialSchoolProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<NeedType> Designations,
    [property: Id(2)] Location Location);
