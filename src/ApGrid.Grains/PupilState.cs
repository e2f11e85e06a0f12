namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.PupilState")]
public sealed class PupilState
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

    /// <summary>Messages a stored change still owes other grains, in the order they were added (<see cref="Outbox{TState}"/>).</summary>
    [Id(7)] public List<OutboxMessage> Outbox { get; set; } = [];

    /// <summary>A registration that has claimed, or is claiming, its UPN at the LA but is not yet recorded.</summary>
    [Id(8)] public PupilRecord? PendingRegistration { get; set; }

    /// <summary>Placement starts reserving a place, by placement id → the AP setting's URN, until recorded or given back.</summary>
    [Id(9)] public Dictionary<string, string> PendingPlacementStarts { get; set; } = [];

    /// <summary>Waiting-list adds begun, by request id, until the pupil has recorded the entry the school made.</summary>
    [Id(10)] public Dictionary<string, PendingWaitingListAdd> PendingWaitingListAdds { get; set; } = [];

    /// <summary>Every correction made to the record since registration, oldest first.</summary>
    [Id(11)] public List<PupilCorrection> Corrections { get; set; } = [];

    /// <summary>Suspensions and permanent exclusions, in the order recorded.</summary>
    [Id(12)] public List<ExclusionRecord> Exclusions { get; set; } = [];

    /// <summary>The home-school timetables recorded, oldest first; none means the pupil attends the home school whenever not at a provider.</summary>
    [Id(13)] public List<PupilTimetable> Timetables { get; set; } = [];

    /// <summary>Set once the pupil is erased (retention or request): every other field is then empty, and the pupil reads as missing.</summary>
    [Id(18)] public PupilErasure? Erasure { get; set; }

    /// <summary>Audit records of what retention or an erasure removed, until the outbox has appended them to the tenant's trail.</summary>
    [Id(19)] public List<AuditRecord> PendingAudit { get; set; } = [];

    /// <summary>Set when a school registered this pupil with a UPN another record held; the LA's decision is kept here too.</summary>
    [Id(22)] public UpnMatch? UpnMatch { get; set; }
}
