namespace ApGrid.Api.Rest;

/// <summary>Audit entries past retention: how many, the cursor of the last one, and the cut-off they were made before.</summary>
public sealed record RetentionAuditResource(int Entries, string ThroughCursor, DateTimeOffset Before);
