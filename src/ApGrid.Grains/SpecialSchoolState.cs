namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.SpecialSchoolState")]
public sealed class SpecialSchoolState : IOwesFollowUps
{
    [Id(0)] public SpecialSchoolProfile? Profile { get; set; }
    [Id(1)] public int Places { get; set; }
    [Id(2)] public int PlacesTaken { get; set; }
    [Id(3)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Every entry the list has had, by number; closed ones stay for the pupils' history.</summary>
    [Id(4)] public Dictionary<int, WaitingEntry> Entries { get; set; } = [];
    [Id(5)] public int LastEntryNumber { get; set; }

    /// <summary>Calls a stored change still owes the LA or the change feed, in the order they were owed.</summary>
    [Id(6)] public List<FollowUp> PendingFollowUps { get; set; } = [];

    public bool OwesFollowUps => PendingFollowUps.Count > 0;
}
