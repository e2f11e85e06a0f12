namespace ApGrid.Grains.Abstractions;

/// <summary>What the LA's aggregates need to know of a placement starting or ending.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.PlacementFact")]
public sealed record PlacementFact(
    [property: Id(0)] string PlacementId,
    [property: Id(1)] string PupilId,
    [property: Id(2)] DateOnly DateOfBirth,
    [property: Id(3)] int YearGroup,
    [property: Id(4)] bool FullTime,
    [property: Id(5)] PlacementOutcome? Outcome);
