namespace ApGrid.Api.GraphQL.Views;

/// <param name="OverUsualMaximum">The journey is longer than the LA's usual maximum for the pupil's phase; null without a pupil.</param>
/// <param name="MeasuredFrom">Where the journey starts; null without a pupil.</param>
public sealed record CapacityMatchView(ApCapacitySnapshot Setting, double? DistanceKm, int? TravelMinutes, bool? OverUsualMaximum, TravelOrigin? MeasuredFrom);
