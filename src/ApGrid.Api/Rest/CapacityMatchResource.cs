namespace ApGrid.Api.Rest;

/// <summary>A setting that matches a capacity search; distance and journey only when the search was near a pupil.</summary>
public sealed record CapacityMatchResource(ApSettingResource Setting, double? DistanceKm, int? TravelMinutes, bool? OverUsualMaximum, string? MeasuredFrom);
