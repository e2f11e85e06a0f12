namespace ApGrid.Grains.Abstractions;

/// <summary>
/// What the LA's aggregates need to know of a placement starting or ending. <see cref="YearGroup"/>
/// and <see cref="Date"/> are as of the start for a start and the end for an end. Facts sent
/// before the figures over time existed have no date or kind (null).
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.PlacementFact")]
public sealed record PlacementFact(
    [property: Id(0)] string PlacementId,
    [property: Id(1)] string PupilId,
    [property: Id(2)] DateOnly DateOfBirth,
    [property: Id(3)] int YearGroup,
    [property: Id(4)] bool FullTime,
    [property: Id(5)] PlacementOutcome? Outcome,
    [property: Id(6)] DateOnly? Date = null,
    [property: Id(7)] ApType? ApType = null,
    [property: Id(8)] PlacementRoute Route = PlacementRoute.LaPanel,
    [property: Id(9)] ApTier? Tier = null);
