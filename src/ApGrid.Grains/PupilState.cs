namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.PupilState")]
public sealed class PupilState : IOwesFollowUps
{
    [Id(0)] public PupilRecord? Record { get; set; }
    [Id(1)] public List<PlacementRecord> Placements { get; set; } = [];
    [Id(2)] public List<ReferralRecord> Referrals { get; set; } = [];

    /// <summary>Idempotency key → the placement it started, so a retry starts nothing new.</summary>
    [Id(3)] public Dictionary<string, string> PlacementsByIdempotencyKey { get; set; } = [];
    [Id(4)] public EhcpCaseRecord? Ehcp { get; set; }

    /// <summary>The pupil's waiting-list entries; each special school holds the entry itself.</summary>
    [Id(5)] public List<string> WaitingListEntryIds { get; set; } = [];

    /// <summary>Entries the pupil declined or left when a place came elsewhere: their schools no longer see the pupil.</summary>
    [Id(6)] public HashSet<string> ClosedWaitingListEntryIds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Calls a stored change still owes the LA or the change feed, in the order they were owed.</summary>
    [Id(7)] public List<FollowUp> PendingFollowUps { get; set; } = [];

    public bool OwesFollowUps => PendingFollowUps.Count > 0;
}
