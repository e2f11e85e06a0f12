namespace ApGrid.Grains.Abstractions;

/// <summary>
/// One pupil on one special school's waiting list. Position is 1-based among the WAITING entries,
/// ordered by the date added and then by arrival, and null once the entry is no longer waiting.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.WaitingListEntryRecord")]
public sealed record WaitingListEntryRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string PupilId,
    [property: Id(2)] string SpecialSchoolUrn,
    [property: Id(3)] DateOnly AddedOn,
    [property: Id(4)] WaitingStatus Status,
    [property: Id(5)] int? Position,
    [property: Id(6)] DateOnly? OfferedOn,
    [property: Id(7)] string? OfferReason,
    [property: Id(8)] DateOnly? ClosedOn,
    [property: Id(9)] bool ParentalPreference = false,
    [property: Id(10)] string? OverrideReason = null);
