namespace ApGrid.Grains.Abstractions;

/// <summary>A placement as its pupil holds it. EndDate null means active.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.PlacementRecord")]
public sealed record PlacementRecord(
    [property: Id(0)] string PlacementId,
    [property: Id(1)] string ApUrn,
    [property: Id(2)] DateOnly StartDate,
    [property: Id(3)] DateOnly PlannedEndDate,
    [property: Id(4)] bool FullTime,
    [property: Id(5)] IReadOnlyList<Session> Sessions,
    [property: Id(6)] Registration ApRegistration,
    [property: Id(7)] DateOnly? EndDate,
    [property: Id(8)] string? ReferralId,
    [property: Id(9)] IReadOnlyList<string> Objectives,
    [property: Id(10)] int ReviewEveryWeeks,
    [property: Id(11)] IReadOnlyList<PlacementReviewRecord> Reviews,
    [property: Id(12)] PlacementOutcome? Outcome,
    [property: Id(13)] DateOnly? CheckInDue)
{
    public bool IsActive => EndDate is null;
}
