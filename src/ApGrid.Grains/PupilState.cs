namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.PupilState")]
public sealed class PupilState
{
    [Id(0)] public PupilRecord? Record { get; set; }
    [Id(1)] public List<PlacementRecord> Placements { get; set; } = [];
}
