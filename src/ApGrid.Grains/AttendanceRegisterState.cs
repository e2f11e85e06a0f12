namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.AttendanceRegisterState")]
public sealed class AttendanceRegisterState
{
    /// <summary>By "pupilId#Session": one mark per pupil and session, so a repeat replaces rather than adds.</summary>
    [Id(0)] public Dictionary<string, RegisterMark> Marks { get; set; } = new(StringComparer.Ordinal);

    /// <summary>By "pupilId#Session": the alerts raised, each once.</summary>
    [Id(1)] public Dictionary<string, NotArrivedAlert> NotArrived { get; set; } = new(StringComparer.Ordinal);

    [Id(2)] public List<OutboxMessage> Outbox { get; set; } = [];
}
