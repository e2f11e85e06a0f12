namespace ApGrid.Grains.Abstractions;

/// <summary>
/// A request to hold a full-time place or a set of half-day sessions. ReservationId makes it
/// idempotent: the same id reserved twice holds one place.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.PlaceReservation")]
public sealed record PlaceReservation(
    [property: Id(0)] string ReservationId,
    [property: Id(1)] string PupilId,
    [property: Id(2)] bool FullTime,
    [property: Id(3)] IReadOnlyList<Session> Sessions,
    [property: Id(4)] KeyStage KeyStage,
    [property: Id(5)] bool HasEhcPlan,
    [property: Id(6)] bool LookedAfter,
    [property: Id(7)] bool OfCompulsorySchoolAge);
