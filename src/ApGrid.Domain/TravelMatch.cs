namespace ApGrid.Domain;

/// <summary>A candidate with its estimated journey, so the caller can show why it ranked where it did.</summary>
public sealed record TravelMatch<T>(T Item, TravelEstimate Estimate);
