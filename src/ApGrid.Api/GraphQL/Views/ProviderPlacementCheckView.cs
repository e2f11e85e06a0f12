namespace ApGrid.Api.GraphQL.Views;

/// <summary>An active placement at a provider, checked against the provider's standing and the non-school time limit.</summary>
public sealed record ProviderPlacementCheckView(
    string PlacementId, string PupilId, DateOnly StartDate, int Week, bool OverTimeLimit, DateOnly? ExtendedUntil, bool ForReview);
