namespace ApGrid.Api.GraphQL.Transport;

/// <summary>A serialised answer and the version of the capacity index read before it was computed.</summary>
public sealed record CachedAnswer(CapacityIndexVersion Version, byte[] Body);
