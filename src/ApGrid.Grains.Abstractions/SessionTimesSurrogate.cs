namespace ApGrid.Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("ApGrid.SessionTimesSurrogate")]
public readonly record struct SessionTimesSurrogate(
    [property: Id(0)] TimeOnly MorningStart,
    [property: Id(1)] TimeOnly MorningEnd,
    [property: Id(2)] TimeOnly AfternoonStart,
    [property: Id(3)] TimeOnly AfternoonEnd);
