namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.ChangeFeedPageState")]
public sealed class ChangeFeedPageState
{
    [Id(0)] public List<ChangeEntry> Entries { get; set; } = [];
}
