namespace ApGrid.Api.Rest;

/// <summary>
/// The body of PUT /api/v1/ap-settings/{urn}/availability. Every member is nullable so that a missing
/// one is refused by name rather than read as zero.
/// </summary>
public sealed record AvailabilityRequest(int? FullTimePlaces, IReadOnlyList<SessionPlacesRequest?>? Sessions, double? OutreachHoursPerWeek);
