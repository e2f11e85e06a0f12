namespace ApGrid.Grains.Abstractions;

/// <summary>One entry of a tenant's access history: a grant made, changed or revoked, by whom and when. Never changed or removed.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.AccessChange")]
public sealed record AccessChange(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string By,
    [property: Id(3)] AccessChangeKind Kind,
    [property: Id(4)] AccessGrant Grant);
