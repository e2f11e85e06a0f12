namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.ChangeCursorKeyState")]
public sealed class ChangeCursorKeyState
{
    [Id(0)] public byte[]? Key { get; set; }
}
