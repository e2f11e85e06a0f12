namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.AuditTrailState")]
public sealed class AuditTrailState
{
    [Id(0)] public long LastSequence { get; set; }
    [Id(1)] public List<AuditEntry> OpenPage { get; set; } = [];

    /// <summary>Retention removed every entry up to this sequence (whole pages); reads start after it.</summary>
    [Id(2)] public long ExpiredThrough { get; set; }
}
