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

    /// <summary>Every grant, change and revocation, newest first, at most <paramref name="limit"/>.</summary>
    [AlwaysInterleave, Alias("History")]
    Task<IReadOnlyList<AccessChange>> HistoryAsync(int limit);
}
