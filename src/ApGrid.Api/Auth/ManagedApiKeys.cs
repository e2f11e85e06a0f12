using System.Security.Claims;

namespace ApGrid.Api.Auth;

/// <summary>
/// Managed API keys checked against the tenant's access registry on every request, so a revoked
/// key is refused from the next request on every node.
/// </summary>
public sealed class ManagedApiKeys(IGrainFactory grains) : IManagedApiKeys
{
    /// <summary>The key's id within its tenant, on its principal, so an open WebSocket can ask whether it still holds.</summary>
    public const string KeyClaim = "apgrid_managed_key";

    public async Task<ClaimsPrincipal?> AuthenticateAsync(ManagedApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var record = await TenantContext.RunAsync(key.Tenant, () => grains.GetGrain<IAccessRegistryGrain>(key.Tenant).VerifyApiKeyAsync(key.KeyId, key.Secret));
        if (record is null) return null;
        var name = $"{key.Tenant}/{record.Id}";
        return new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ApGridClaims.Tenant, key.Tenant),
                new Claim(ApGridClaims.Role, record.Role),
                new Claim(ApGridClaims.ApiKey, name),
                new Claim(KeyClaim, record.Id),
                new Claim(ApGridClaims.Subject, "apikey:" + name),
            ],
            ApiKeyDefaults.AuthenticationScheme, ApGridClaims.Subject, ApGridClaims.Role));
    }

    /// <summary>Whether the key a principal came from still holds; true for principals from no managed key.</summary>
    public async Task<bool> HoldsAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.FindFirst(KeyClaim)?.Value is not { } id || principal.FindFirst(ApGridClaims.Tenant)?.Value is not { } tenant) return true;
        return await TenantContext.RunAsync(tenant, () => grains.GetGrain<IAccessRegistryGrain>(tenant).ApiKeyHoldsAsync(id));
    }
}
