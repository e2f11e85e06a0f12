namespace ApGrid.Grains.Abstractions;

/// <summary>
/// What a person may do in one tenant: a role (its GraphQL name, such as "AP_STAFF"), the setting
/// it acts for when the role has one, and until when. The person is named by email or by subject.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.AccessGrant")]
public sealed record AccessGrant(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Email,
    [property: Id(2)] string? Subject,
    [property: Id(3)] string Role,
    [property: Id(4)] string? Urn,
    [property: Id(5)] DateOnly? ExpiresOn,
    [property: Id(6)] string GrantedBy,
    [property: Id(7)] DateTimeOffset GrantedAt);
