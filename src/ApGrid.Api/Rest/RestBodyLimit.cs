namespace ApGrid.Api.Rest;

/// <summary>
/// Endpoint metadata: this endpoint takes bodies up to <paramref name="Bytes"/> instead of
/// <see cref="RestLimits.MaxRequestBodyBytes"/> (an upload); null when the handler bounds its body
/// itself from its own configuration and answers 413 in its own words.
/// </summary>
public sealed record RestBodyLimit(long? Bytes)
{
    public static readonly RestBodyLimit SetByHandler = new((long?)null);
}
