namespace ApGrid.Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("ApGrid.ReferralRecord")]
public sealed record ReferralRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] DateOnly SubmittedOn,
    [property: Id(2)] string Reason,
    [property: Id(3)] IReadOnlyList<string> StrategiesTried,
    [property: Id(4)] ReferralStatus Status,
    [property: Id(5)] DateOnly? DecidedOn,
    [property: Id(6)] IReadOnlyList<string> PanelMembers,
    [property: Id(7)] bool ParentalConsent,
    [property: Id(8)] DateOnly? ConsentNoticeGivenOn,
    [property: Id(9)] string? PlacementId,
    [property: Id(10)] string? WithdrawnReason = null);
