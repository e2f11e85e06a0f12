namespace ApGrid.Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("ApGrid.SpecialSchoolSnapshot")]
public sealed record SpecialSchoolSnapshot(
    [property: Id(0)] string Urn,
    [property: Id(1)] SpecialSchoolProfile Profile,
    [property: Id(2)] int Places,
    [property: Id(3)] int PlacesFree,
    [property: Id(4)] DateTimeOffset UpdatedAt);
