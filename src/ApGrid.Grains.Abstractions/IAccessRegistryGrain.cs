namespace ApGrid.Grains.Abstractions;

/// <summary>
/// A tenant's access registry, keyed by LA code: who may do what in ApGrid. The identity provider
/// says who someone is; this says what they may do. One grant per person: granting again changes it.
/// </summary>
[Alias("ApGrid.IAccessRegistryGrain")]
public interface IAccessRegistryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Grants (or changes the grant of) the person named by email or subject. <paramref name="role"/>
    /// and <paramref name="urn"/> are checked by the caller, which knows the roles.
    /// </summary>
    [Alias("Grant")]
    Task<CommandResult<AccessGrant>> GrantAsync(string? email, string? subject, string role, string? urn, DateOnly? expiresOn, string by);

    [Alias("Revoke")]
    Task<CommandResult<AccessGrant>> RevokeAsync(string grantId, string by);

    /// <summary>The grant that holds today for this person, by subject first, then by email; null when none.</summary>
    [AlwaysInterleave, Alias("Resolve")]
    Task<AccessGrant?> ResolveAsync(string subject, string? email);

    [AlwaysInterleave, Alias("List")]
    Task<IReadOnlyList<AccessGrant>> ListAsync();

    /// <summary>A new PARTNER key named <paramref name="name"/>; the answer holds its secret, which is never stored.</summary>
    [Alias("CreateApiKey")]
    Task<CommandResult<NewApiKey>> CreateApiKeyAsync(string name, DateTimeOffset? expiresAt, string by);

    /// <summary>A new secret for the key's holder; the old one keeps working for <paramref name="overlap"/>, then expires.</summary>
    [Alias("RotateApiKey")]
    Task<CommandResult<NewApiKey>> RotateApiKeyAsync(string keyId, TimeSpan overlap, string by);

    [Alias("RevokeApiKey")]
    Task<CommandResult<ApiKeyRecord>> RevokeApiKeyAsync(string keyId, string by);

    [AlwaysInterleave, Alias("ApiKeys")]
    Task<IReadOnlyList<ApiKeyRecord>> ApiKeysAsync();

    /// <summary>The key when <paramref name="secret"/> is its secret and it holds now; null otherwise. Notes when it was last used.</summary>
    [Alias("VerifyApiKey")]
    Task<ApiKeyRecord?> VerifyApiKeyAsync(string keyId, string secret);

    /// <summary>Whether the key still holds (an open WebSocket asks now and then).</summary>
    [AlwaysInterleave, Alias("ApiKeyHolds")]
    Task<bool> ApiKeyHoldsAsync(string keyId);

    /// <summary>Every grant, change and revocation, newest first, at most <paramref name="limit"/>.</summary>
    [AlwaysInterleave, Alias("History")]
    Task<IReadOnlyList<AccessChange>> HistoryAsync(int limit);
}
