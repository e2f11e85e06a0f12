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

    /// <summary>Pupils whose overdue case has been raised on the change feed, so each lapse is raised once.</summary>
    [Id(11)] public HashSet<string> EhcpOverdueRaised { get; set; } = new(StringComparer.Ordinal);
}
