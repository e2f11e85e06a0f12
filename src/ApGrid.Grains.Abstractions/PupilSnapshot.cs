namespace ApGrid.Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("ApGrid.PupilSnapshot")]
public sealed record PupilSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] PupilRecord Record,
    [property: Id(2)] IReadOnlyList<PlacementRecord> Placements)
{
    public PlacementRecord? CurrentPlacement => Placements.FirstOrDefault(p => p.EndDate is null);
}
