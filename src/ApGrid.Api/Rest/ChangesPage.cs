namespace ApGrid.Api.Rest;

/// <summary>
/// One poll of the change feed. Pass nextCursor as after on the next poll: it moves past entries
/// the caller may not see too, so polling never stalls on them.
/// </summary>
public sealed record ChangesPage(IReadOnlyList<ChangeResource> Entries, string NextCursor, bool HasMore);
