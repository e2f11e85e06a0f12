namespace ApGrid.Grains.Abstractions;

/// <summary>What the LA's running aggregates need of a waiting-list entry: whose, since when, and whether it is still open.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.WaitingFact")]
public sealed record WaitingFact(
    [property: Id(0)] string EntryId,
    [property: Id(1)] string PupilId,
    [property: Id(2)] DateOnly AddedOn,
    [property: Id(3)] bool Open);
