namespace ApGrid.Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("ApGrid.SessionCapacity")]
public sealed record SessionCapacity(
    [property: Id(0)] Session Session,
    [property: Id(1)] int Places,
    [property: Id(2)] int Free);
