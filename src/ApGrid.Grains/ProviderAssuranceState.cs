namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.ProviderAssuranceState")]
public sealed class ProviderAssuranceState
{
    [Id(0)] public DueDiligenceRecord DueDiligence { get; set; } = DueDiligenceRecord.Empty;

    [Id(1)] public ProviderDecisionRecord? Decision { get; set; }

    [Id(2)] public List<AssuranceVersion> History { get; set; } = [];

    [Id(3)] public List<ApprovalOverride> Overrides { get; set; } = [];

    [Id(4)] public Dictionary<string, PlacementExtension> Extensions { get; set; } = [];

    /// <summary>Alert subjects already on the change feed, so each lapse is raised once.</summary>
    [Id(5)] public HashSet<string> AlertsRaised { get; set; } = [];

    [Id(6)] public List<OutboxMessage> Outbox { get; set; } = [];
}
