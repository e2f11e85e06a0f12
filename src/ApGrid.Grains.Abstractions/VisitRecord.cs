namespace ApGrid.Grains.Abstractions;

/// <summary>A visit in person to a provider: when, by whom, what was found and how it reads.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.VisitRecord")]
public sealed record VisitRecord(
    [property: Id(0)] DateOnly On,
    [property: Id(1)] string By,
    [property: Id(2)] string Findings,
    [property: Id(3)] Rag Rag);
