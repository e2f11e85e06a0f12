namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.ApSettingState")]
public sealed class ApSettingState
{
    [Id(0)] public ApSettingProfile? Profile { get; set; }
    [Id(1)] public int FullTimePlaces { get; set; }
    [Id(2)] public Dictionary<Session, int> SessionPlaces { get; set; } = [];
    [Id(3)] public double OutreachHoursPerWeek { get; set; }
    [Id(4)] public Dictionary<string, HeldPlace> HeldPlaces { get; set; } = [];
    [Id(5)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(6)] public long Version { get; set; }
    [Id(7)] public double OutreachHoursAllocated { get; set; }

    /// <summary>Placements whose place was given back, by placement id → pupil id, for the setting's history.</summary>
    [Id(8)] public Dictionary<string, string> ReleasedPlaces { get; set; } = [];

    /// <summary>Outreach request id → hours a week allocated to it; the count is the setting's outreach caseload.</summary>
    [Id(9)] public Dictionary<string, double> OutreachAllocations { get; set; } = [];

    /// <summary>Messages a stored change still owes the LA's capacity index and the change feed (<see cref="Outbox{TState}"/>).</summary>
    [Id(11)] public List<OutboxMessage> Outbox { get; set; } = [];

    /// <summary>When what callers outside the LA are shown last moved (see <see cref="ApCapacitySnapshot.AsSeenOutsideLa"/>); null before it was kept.</summary>
    [Id(12)] public DateTimeOffset? PublicUpdatedAt { get; set; }
}
