namespace ApGrid.Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("ApGrid.PupilSnapshot")]
public sealed record PupilSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] PupilRecord Record,
    [property: Id(2)] IReadOnlyList<PlacementRecord> Placements,
    [property: Id(3)] IReadOnlyList<ReferralRecord> Referrals,
    [property: Id(4)] EhcpCaseRecord? Ehcp = null,
    [property: Id(5)] IReadOnlyList<string>? WaitingListEntryIds = null)
{
    public PlacementRecord? CurrentPlacement => Placements.FirstOrDefault(p => p.IsActive);
}
