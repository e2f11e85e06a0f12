using System.Security.Claims;
using ApGrid.Api.Auth;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>Validates the token a WebSocket client sends in connection_init, by the same rules as the Authorization header.</summary>
public sealed class WebSocketTokenValidator(IOptions<JwtOptions> jwt, ApiKeyValidator apiKeys)
{
    // The system clock, as for the Authorization header (see AddApGridAuthentication), not the node's adjustable one.
    private readonly ValidatedTokenCache handler = new(TimeProvider.System);

    /// <returns>The caller and when their token expires, or nulls when the token is not valid.</returns>
    public async Task<(Caller? Caller, DateTimeOffset Expires)> ValidateAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return (null, default);
        if (token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) token = token["Bearer ".Length..];
        var result = await handler.ValidateTokenAsync(token, TokenValidation.ParametersFor(jwt.Value));
        return result.IsValid && result.SecurityToken is JsonWebToken validated
            ? (Caller.From(new ClaimsPrincipal(result.ClaimsIdentity)), new DateTimeOffset(validated.ValidTo, TimeSpan.Zero))
            : (null, default);
    }

    /// <summary>A partner system's API key sent as connection_init's apiKey; keys do not expire, rotation removes them.</summary>
    public (Caller? Caller, DateTimeOffset Expires) ValidateApiKey(string apiKey) =>
        Caller.From(apiKeys.Authenticate(apiKey)) is { } caller ? (caller, DateTimeOffset.MaxValue) : (null, default);
}
