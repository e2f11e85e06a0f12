namespace ApGrid.Api.Rest;

/// <summary>An erasure granted: when, by whom, why, and the kinds of record removed with how many of each.</summary>
public sealed record ErasureResource(string PupilId, DateTimeOffset ErasedAt, string ErasedBy, string? Reason, IReadOnlyList<string> Removed);
