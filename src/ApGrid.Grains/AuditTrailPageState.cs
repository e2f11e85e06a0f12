namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.AuditTrailPageState")]
public sealed class AuditTrailPageState
{
    [Id(0)] public List<AuditEntry> Entries { get; set; } = [];
}
