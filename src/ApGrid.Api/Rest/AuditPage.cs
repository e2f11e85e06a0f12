namespace ApGrid.Api.Rest;

public sealed record AuditPage(IReadOnlyList<AuditEntryResource> Entries, string NextCursor, bool HasMore);
