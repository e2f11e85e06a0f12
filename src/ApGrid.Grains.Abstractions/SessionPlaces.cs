namespace ApGrid.Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("ApGrid.SessionPlaces")]
public sealed record SessionPlaces(
    [property: Id(0)] Session Session,
    [property: Id(1)] int Places);
