namespace ApGrid.Grains.Abstractions;

/// <summary>A concern raised about a provider and, once it is, how it was resolved.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ConcernRecord")]
public sealed record ConcernRecord(
    [property: Id(0)] DateOnly RaisedOn,
    [property: Id(1)] string RaisedBy,
    [property: Id(2)] string Summary,
    [property: Id(3)] DateOnly? ResolvedOn,
    [property: Id(4)] string? Resolution);
