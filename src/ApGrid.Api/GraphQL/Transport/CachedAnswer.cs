namespace ApGrid.Api.GraphQL.Transport;

/// <summary>A serialised answer and the version of the capacity index it was computed from.</summary>
public sealed record CachedAnswer(CapacityIndexVersion Version, byte[] Body);
