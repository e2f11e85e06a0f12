using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace ApGrid.Api.Auth;

/// <summary>
/// Turns who someone is (their LA provider's subject and email) into what they may do in ApGrid: a
/// first administrator named in configuration, else the tenant's access registry. Runs on every
/// request (as the claims transformation), so a grant or revocation counts from the next request
/// on every node; an open WebSocket asks again every GraphQL:WebSocket:AccessRecheckInterval.
/// Identities that already carry a role (Development tokens, API keys) pass unchanged.
/// </summary>
public sealed class AccessResolution(IGrainFactory grains, IssuerTokenHandler issuers, ManagedApiKeys keys) : IClaimsTransformation
{
    /// <summary>Added when a signed-in person holds no grant: the API answers NO_ACCESS instead of UNAUTHENTICATED.</summary>
    public const string NoAccessClaim = "apgrid_no_access";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity
            || !identity.HasClaim(c => c.Type == IssuerTokenHandler.ProviderIdentity)
            || identity.HasClaim(c => c.Type is ApGridClaims.Role or NoAccessClaim))
        {
            return principal;
        }

        var grant = await GrantOfAsync(principal);
        if (grant is null)
        {
            identity.AddClaim(new Claim(NoAccessClaim, "true"));
        }
        else
        {
            identity.AddClaim(new Claim(ApGridClaims.Role, grant.Value.Role));
            if (grant.Value.Urn is { } urn) identity.AddClaim(new Claim(ApGridClaims.Urn, urn));
        }

        return principal;
    }

    /// <summary>Whether the caller a principal acts as can change while it is signed in (a grant, a session, a managed key), so an open socket must ask again.</summary>
    public static bool CanChange(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.HasClaim(c => c.Type is IssuerTokenHandler.ProviderIdentity or ManagedApiKeys.KeyClaim);
    }

    /// <summary>The caller a principal acts as now: from the registry for a provider's identity or a managed key, else from its claims.</summary>
    public async Task<Caller?> CallerOfAsync(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not ClaimsIdentity { IsAuthenticated: true } identity) return null;
        if (identity.HasClaim(c => c.Type == ManagedApiKeys.KeyClaim)) return await keys.HoldsAsync(principal) ? Caller.From(principal) : null;
        if (!identity.HasClaim(c => c.Type == IssuerTokenHandler.ProviderIdentity)) return Caller.From(principal);
        var grant = await GrantOfAsync(principal);
        if (grant is null) return null;
        var tenant = principal.FindFirst(ApGridClaims.Tenant)!.Value;
        return RoleNames.TryParse(grant.Value.Role, out var role)
            ? new Caller(tenant, role, RoleNames.NeedsUrn(role) ? grant.Value.Urn : null) { Subject = SubjectOf(principal) }
            : null;
    }

    /// <summary>Who a signed-in person is, for the audit trail and the access history: their email when the provider gives one.</summary>
    public static string SubjectOf(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirst("email")?.Value ?? principal.FindFirst(ApGridClaims.Subject)?.Value ?? "";
    }

    private async Task<(string Role, string? Urn)?> GrantOfAsync(ClaimsPrincipal principal)
    {
        var tenant = principal.FindFirst(ApGridClaims.Tenant)?.Value;
        var subject = principal.FindFirst(ApGridClaims.Subject)?.Value;
        if (tenant is null || string.IsNullOrEmpty(subject) || issuers.ProviderOf(tenant) is not { } provider) return null;
        var email = principal.FindFirst("email")?.Value;

        // An address outside the LA's domains counts for nothing, however a grant was written.
        if (email is not null && !provider.AllowsEmail(email)) email = null;
        if (provider.IsAdministrator(subject, email)) return (RoleNames.NameOf(Role.LaAdmin), null);
        var grant = await TenantContext.RunAsync(tenant, () => grains.GetGrain<IAccessRegistryGrain>(tenant).ResolveAsync(subject, email));
        return grant is null ? null : (grant.Role, grant.Urn);
    }
}
