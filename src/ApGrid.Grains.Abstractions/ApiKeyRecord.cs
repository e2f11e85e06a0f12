namespace ApGrid.Grains.Abstractions;

/// <summary>
/// A partner system's API key managed by the LA's administrators. Only a salted SHA-256 of the
/// secret is kept; the secret itself is shown once, when the key is created or rotated.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ApiKeyRecord")]
public sealed record ApiKeyRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] byte[] Salt,
    [property: Id(3)] byte[] Hash,
    [property: Id(4)] string Role,
    [property: Id(5)] DateTimeOffset? ExpiresAt,
    [property: Id(6)] string CreatedBy,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset? LastUsedAt,
    [property: Id(9)] DateTimeOffset? RevokedAt,
    [property: Id(10)] string? ReplacedBy)
{
    public bool HoldsAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);
}
