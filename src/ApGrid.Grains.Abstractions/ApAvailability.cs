namespace ApGrid.Grains.Abstractions;

/// <summary>The places and outreach hours an AP setting offers; session places not listed are zero.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ApAvailability")]
public sealed record ApAvailability(
    [property: Id(0)] int FullTimePlaces,
    [property: Id(1)] IReadOnlyList<SessionPlaces> Sessions,
    [property: Id(2)] double OutreachHoursPerWeek);
