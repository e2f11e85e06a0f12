namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.AuditTrailState")]
public sealed class AuditTrailState
{
    [Id(0)] public long LastSequence { get; set; }
    [Id(1)] public List<AuditEntry> OpenPage { get; set; } = [];
}
