namespace ApGrid.Grains.Abstractions;

/// <summary>
/// Starts a placement. ReferralId is set for the LA panel route (null for placements that predate
/// ApGrid, the demo data) and null on the routes that need no referral;
/// IdempotencyKey makes a retried request start the same placement.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.PlacementRequest")]
public sealed record PlacementRequest(
    [property: Id(0)] string PlacementId,
    [property: Id(1)] string ApUrn,
    [property: Id(2)] DateOnly StartDate,
    [property: Id(3)] DateOnly PlannedEndDate,
    [property: Id(4)] bool FullTime,
    [property: Id(5)] IReadOnlyList<Session> Sessions,
    [property: Id(6)] string? ReferralId = null,
    [property: Id(7)] IReadOnlyList<string>? Objectives = null,
    [property: Id(8)] int ReviewEveryWeeks = 6,
    [property: Id(9)] string? IdempotencyKey = null,
    [property: Id(10)] PlacementRoute Route = PlacementRoute.LaPanel,
    [property: Id(11)] PlacementNotice? Notice = null,
    [property: Id(12)] ApTier? Tier = null,
    [property: Id(13)] DateOnly? ConsentGivenOn = null,
    [property: Id(14)] string? TransferredFrom = null,
    [property: Id(15)] string? ExclusionId = null,
    [property: Id(16)] string? By = null);
