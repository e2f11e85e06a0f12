namespace ApGrid.Domain;

/// <summary>
/// A suspension or permanent exclusion as the school records it. A suspension is counted in
/// sessions (half days), as the census counts it; a permanent exclusion has only a start.
/// </summary>
public sealed record Exclusion(ExclusionKind Kind, DateOnly StartDate, int? Sessions, ExclusionReason Reason);
