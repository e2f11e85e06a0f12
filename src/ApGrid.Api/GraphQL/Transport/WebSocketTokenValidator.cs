using System.Security.Claims;
using ApGrid.Api.Auth;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>Validates the token a WebSocket client sends in connection_init, by the same rules as the Authorization header.</summary>
public sealed class WebSocketTokenValidator(IssuerTokenHandler handler, ApiKeyValidator apiKeys, ManagedApiKeys managedKeys, AccessResolution access)
{
    /// <returns>The caller, when their token expires and the principal to judge again while the socket lives; nulls when the token is not valid.</returns>
    public async Task<(Caller? Caller, DateTimeOffset Expires, ClaimsPrincipal? Principal)> ValidateAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return (null, default, null);
        if (token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) token = token["Bearer ".Length..];
        // The handler chooses the parameters by the token's issuer; these are never read.
        var result = await handler.ValidateTokenAsync(token, new Microsoft.IdentityModel.Tokens.TokenValidationParameters());
        if (!result.IsValid || result.SecurityToken is not JsonWebToken validated) return (null, default, null);
        var principal = new ClaimsPrincipal(result.ClaimsIdentity);
        return (await access.CallerOfAsync(principal), new DateTimeOffset(validated.ValidTo, TimeSpan.Zero), principal);
    }

    /// <summary>
    /// A partner system's API key sent as connection_init's apiKey. Configured keys end with the
    /// configuration; a managed key is asked about again while the socket lives.
    /// </summary>
    public async Task<(Caller? Caller, DateTimeOffset Expires, ClaimsPrincipal? Principal)> ValidateApiKeyAsync(string apiKey)
    {
        var principal = ManagedApiKey.Parse(apiKey) is { } managed ? await managedKeys.AuthenticateAsync(managed) : apiKeys.Authenticate(apiKey);
        return Caller.From(principal) is { } caller ? (caller, DateTimeOffset.MaxValue, principal) : (null, default, null);
    }

    /// <summary>The caller the principal acts as now, or null once its access was revoked.</summary>
    public Task<Caller?> RecheckAsync(ClaimsPrincipal principal) => access.CallerOfAsync(principal);
}
