namespace ApGrid.Domain;

/// <summary>An estimated one-way road journey.</summary>
public readonly record struct TravelEstimate(double DistanceKm, int Minutes);
