namespace ApGrid.Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("ApGrid.PlacementReviewRecord")]
public sealed record PlacementReviewRecord(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] double AttendancePercent,
    [property: Id(2)] int Suspensions,
    [property: Id(3)] int Participation,
    [property: Id(4)] int Wellbeing,
    [property: Id(5)] string? Notes);
