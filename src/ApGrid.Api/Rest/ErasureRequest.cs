namespace ApGrid.Api.Rest;

/// <summary>The body of POST /api/v1/pupils/{pupilId}/erasure: why the LA grants the request.</summary>
public sealed record ErasureRequest(string? Reason);
