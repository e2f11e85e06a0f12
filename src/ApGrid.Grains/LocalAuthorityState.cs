namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.LocalAuthorityState")]
public sealed class LocalAuthorityState
{
    [Id(0)] public LocalAuthorityProfile? Profile { get; set; }
    [Id(1)] public List<RegistryEntry> Schools { get; set; } = [];
    [Id(2)] public List<RegistryEntry> ApSettings { get; set; } = [];
    [Id(3)] public List<RegistryEntry> SpecialSchools { get; set; } = [];
    [Id(4)] public bool Seeded { get; set; }
    [Id(5)] public Dictionary<string, string> PupilIdsByUpn { get; set; } = new(StringComparer.Ordinal);
    [Id(6)] public PlacementAggregates Placements { get; set; } = new();
    [Id(7)] public Dictionary<string, EhcpCaseEntry> EhcpCases { get; set; } = new(StringComparer.Ordinal);
    [Id(8)] public int EhcpFinalIssued { get; set; }
    [Id(9)] public int EhcpIssuedWithin20Weeks { get; set; }

    /// <summary>Open waiting-list entries only, by entry id: the waits the report measures.</summary>
    [Id(10)] public Dictionary<string, WaitingFact> OpenWaitingEntries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Overdue EHC deadlines already raised on the change feed, as "pupilId#KIND#due", so each lapse
    /// is raised once; a deadline leaves the set when it is met or no longer owed.
    /// </summary>
    [Id(11)] public HashSet<string> EhcpOverdueRaised { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Final plans by calendar year of issue, for SEN2's timeliness figure.</summary>
    [Id(12)] public Dictionary<int, EhcTimelinessCounts> EhcpTimelinessByYear { get; set; } = [];

    /// <summary>Exclusions that owe education from day 6, by exclusion id, until reinstated or (suspensions) over.</summary>
    [Id(13)] public Dictionary<string, ExclusionDutyEntry> ExclusionDuties { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Exclusions whose day 6 passed without provision and were raised on the change feed, so each is raised once.</summary>
    [Id(14)] public HashSet<string> ExclusionDutiesRaised { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Attendance to date by placement id, as each placement's attendance last sent it: what the report's bands count.</summary>
    [Id(15)] public Dictionary<string, AttendanceCounts> AttendanceByPlacement { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Pupils whose week can fall short of full time (a recorded timetable, or provision after a permanent exclusion), by pupil id → home school URN.</summary>
    [Id(17)] public Dictionary<string, string> PackagePupils { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Referrals submitted or approved and not yet placed, declined or withdrawn: referral id → pupil id, the panel's worklist.</summary>
    [Id(18)] public Dictionary<string, string> OpenReferrals { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Schools' placement notifications the LA has not acknowledged, placement id → pupil id.</summary>
    [Id(19)] public Dictionary<string, string> OpenNotifications { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The report as last published outside the LA; null until someone outside the LA first asks.</summary>
    [Id(25)] public PublishedReport? PublishedReport { get; set; }

    /// <summary>Schools' registrations whose UPN another record held, by the registration's pupil id: the LA's UPN-match worklist.</summary>
    [Id(31)] public Dictionary<string, UpnMatch> UpnMatches { get; set; } = new(StringComparer.Ordinal);
}
