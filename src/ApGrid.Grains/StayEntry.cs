namespace ApGrid.Grains;

/// <summary>
/// Retired with <see cref="PlacementAggregates"/>' Id(3): kept so aggregates stored before the
/// figures over time can still be read (their stays are then dropped).
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.StayEntry")]
public sealed record StayEntry(
    [property: Id(0)] int FirstYearGroup,
    [property: Id(1)] int LastYearGroup);
