using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ApGrid.Auth;

/// <summary>
/// A JWT handler that remembers the tokens it has found valid until they expire. A dashboard sends
/// the same token with every request, and every request is judged twice (gateway and node), so
/// parsing the JSON and checking the HMAC each time was a fifth of the gateway's own cost per call.
/// The key is the whole token, signature included, so only the exact bytes once validated hit.
/// One instance serves one fixed set of validation parameters, or chooses them itself per issuer
/// (<see cref="IssuerTokenHandler"/>);
/// invalid tokens are never remembered, so a refusal always goes through the full checks.
/// </summary>
public class ValidatedTokenCache : JsonWebTokenHandler
{
    /// <summary>Beyond this many live tokens the cache starts over rather than grow without bound.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, TokenValidationResult> valid = new(StringComparer.Ordinal);
    private readonly TimeProvider clock;

    /// <param name="clock">
    /// Decides when a remembered token has expired; a test passes a fake one (and the same in the
    /// validation parameters' TimeProvider) to walk past a token's expiry without waiting for it.
    /// </param>
    public ValidatedTokenCache(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        this.clock = clock;
        MapInboundClaims = false;
    }

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (token is not null && valid.TryGetValue(token, out var known))
        {
            if (clock.GetUtcNow().UtcDateTime < known.SecurityToken.ValidTo) return Copy(known);
            valid.TryRemove(token, out _);
        }

        var result = await ValidateUncachedAsync(token!, validationParameters);
        if (result.IsValid && token is not null && clock.GetUtcNow().UtcDateTime < result.SecurityToken.ValidTo)
        {
            if (valid.Count >= Capacity) valid.Clear();
            valid[token] = result;
            return Copy(result);
        }

        return result;
    }

    /// <summary>The full checks, for a token not remembered as valid.</summary>
    protected virtual Task<TokenValidationResult> ValidateUncachedAsync(string token, TokenValidationParameters validationParameters) =>
        base.ValidateTokenAsync(token, validationParameters);

    /// <summary>The claims identity is copied because a request's principal is its own to change.</summary>
    private static TokenValidationResult Copy(TokenValidationResult known) => new()
    {
        IsValid = true,
        ClaimsIdentity = known.ClaimsIdentity.Clone(),
        SecurityToken = known.SecurityToken,
        Issuer = known.Issuer,
        TokenType = known.TokenType,
        TokenContext = known.TokenContext,
    };
}
