namespace ApGrid.Api.GraphQL.Views;

public sealed record CapacityMatchView(ApCapacitySnapshot Setting, double? DistanceKm, int? TravelMinutes);
