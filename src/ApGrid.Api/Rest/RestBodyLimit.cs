namespace ApGrid.Api.Rest;

/// <summary>Endpoint metadata: this endpoint takes bodies up to <paramref name="Bytes"/> instead of <see cref="RestLimits.MaxRequestBodyBytes"/> (an upload).</summary>
public sealed record RestBodyLimit(long Bytes);
