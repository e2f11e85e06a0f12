using System.Security.Claims;

namespace ApGrid.Auth;

/// <summary>
/// API keys that LA administrators manage at run time, kept where the node keeps state. The
/// gateway role has none: it passes such keys on, and the node judges them.
/// </summary>
public interface IManagedApiKeys
{
    /// <summary>The partner principal for a managed key (<see cref="ManagedApiKey"/> format), or null when it does not hold.</summary>
    Task<ClaimsPrincipal?> AuthenticateAsync(ManagedApiKey key);
}
