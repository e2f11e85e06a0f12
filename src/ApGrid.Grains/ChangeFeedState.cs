namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.ChangeFeedState")]
public sealed class ChangeFeedState
{
    [Id(0)] public long LastSequence { get; set; }
    [Id(1)] public List<ChangeEntry> OpenPage { get; set; } = [];
}
