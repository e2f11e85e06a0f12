namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.SpecialSchoolState")]
public sealed class SpecialSchoolState
{
    [Id(0)] public SpecialSchoolProfile? Profile { get; set; }
    [Id(1)] public int Places { get; set; }
    [Id(2)] public int PlacesTaken { get; set; }
    [Id(3)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Every entry the list has had, by number; closed ones stay for the pupils' history.</summary>
    [Id(4)] public Dictionary<int, WaitingEntry> Entries { get; set; } = [];
    [Id(5)] public int LastEntryNumber { get; set; }

    /// <summary>Messages a stored change still owes the LA or the change feed (<see cref="Outbox{TState}"/>).</summary>
    [Id(6)] public List<OutboxMessage> Outbox { get; set; } = [];
}
