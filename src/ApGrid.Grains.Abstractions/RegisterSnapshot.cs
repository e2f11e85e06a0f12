namespace ApGrid.Grains.Abstractions;

/// <summary>A setting's register of one day: who is expected in which session, the marks so far and the alerts raised.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.RegisterSnapshot")]
public sealed record RegisterSnapshot(
    [property: Id(0)] string Urn,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] IReadOnlyList<ExpectedPupil> Expected,
    [property: Id(3)] IReadOnlyList<RegisterMark> Marks,
    [property: Id(4)] IReadOnlyList<NotArrivedAlert> NotArrived);
