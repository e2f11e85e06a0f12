namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.BoardSessionState")]
public sealed class BoardSessionState
{
    [Id(0)] public byte[]? Ticket { get; set; }

    [Id(1)] public DateTimeOffset Expires { get; set; }
}
