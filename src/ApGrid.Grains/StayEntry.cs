namespace ApGrid.Grains;

/// <summary>The first and latest year group in which a pupil was in AP.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.StayEntry")]
public sealed record StayEntry(
    [property: Id(0)] int FirstYearGroup,
    [property: Id(1)] int LastYearGroup);
