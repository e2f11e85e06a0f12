namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.PostcodeDirectoryState")]
public sealed class PostcodeDirectoryState
{
    [Id(0)] public Dictionary<string, Location> Sectors { get; set; } = new(StringComparer.Ordinal);
}
