namespace ApGrid.Grains;

[GenerateSerializer, Immutable, Alias("ApGrid.ActivePlacementEntry")]
public sealed record ActivePlacementEntry(
    [property: Id(0)] string PupilId,
    [property: Id(1)] DateOnly DateOfBirth,
    [property: Id(2)] bool FullTime,
    [property: Id(3)] ApTier? Tier = null);
