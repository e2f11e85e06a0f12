using ApGrid.Api.Auth;
using ApGrid.Auth;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace ApGrid.Api.Tests.Auth;

public sealed class ValidatedTokenCacheTests
{
    private static readonly JwtOptions Jwt = new() { SigningKey = "validated-token-cache-tests-signing-key-0123456789" };

    private static string Token(Caller caller, TimeSpan lifetime, JwtOptions? jwt = null) =>
        new TokenIssuer(Options.Create(jwt ?? Jwt)).Issue(caller, lifetime);

    /// <summary>
    /// No skew, and the handler's own lifetime check reads the same clock as the cache (IdentityModel
    /// reads the real clock itself, so the check is handed over through its LifetimeValidator hook).
    /// </summary>
    private static TokenValidationParameters StrictLifetime(TimeProvider clock)
    {
        var parameters = TokenValidation.ParametersFor(Jwt);
        parameters.ClockSkew = TimeSpan.Zero;
        parameters.LifetimeValidator = (notBefore, expires, _, _) =>
            (notBefore is null || notBefore <= clock.GetUtcNow().UtcDateTime) && expires is { } end && clock.GetUtcNow().UtcDateTime < end;
        return parameters;
    }

    [Fact]
    public async Task A_token_seen_again_gives_the_same_caller_in_an_identity_of_its_own()
    {
        var cache = new ValidatedTokenCache(TimeProvider.System);
        var token = Token(new Caller("902", Role.LaOfficer, null), TimeSpan.FromHours(1));

        var first = await cache.ValidateTokenAsync(token, TokenValidation.ParametersFor(Jwt));
        var again = await cache.ValidateTokenAsync(token, TokenValidation.ParametersFor(Jwt));

        Assert.True(first.IsValid);
        Assert.True(again.IsValid);
        Assert.NotSame(first.ClaimsIdentity, again.ClaimsIdentity);
        Assert.Equal(
            Caller.From(new System.Security.Claims.ClaimsPrincipal(first.ClaimsIdentity)),
            Caller.From(new System.Security.Claims.ClaimsPrincipal(again.ClaimsIdentity)));
    }

    [Fact]
    public async Task A_claim_added_to_one_request_never_reaches_the_next_with_the_same_token()
    {
        var cache = new ValidatedTokenCache(TimeProvider.System);
        var token = Token(new Caller("902", Role.Partner, null), TimeSpan.FromHours(1));

        var first = await cache.ValidateTokenAsync(token, TokenValidation.ParametersFor(Jwt));
        first.ClaimsIdentity.AddClaim(new System.Security.Claims.Claim(ApGridClaims.Role, "LA_OFFICER"));
        var second = await cache.ValidateTokenAsync(token, TokenValidation.ParametersFor(Jwt));
        second.ClaimsIdentity.AddClaim(new System.Security.Claims.Claim(ApGridClaims.Tenant, "901"));
        var third = await cache.ValidateTokenAsync(token, TokenValidation.ParametersFor(Jwt));

        Assert.Equal(["PARTNER"], third.ClaimsIdentity.FindAll(ApGridClaims.Role).Select(c => c.Value));
        Assert.Equal(["902"], third.ClaimsIdentity.FindAll(ApGridClaims.Tenant).Select(c => c.Value));
    }

    [Fact]
    public async Task A_remembered_token_is_refused_once_it_expires()
    {
        var token = Token(new Caller("902", Role.LaOfficer, null), TimeSpan.FromMinutes(1));
        // Starts at the real now, since the issuer stamps the token by the real clock (in whole seconds).
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var cache = new ValidatedTokenCache(clock);
        Assert.True((await cache.ValidateTokenAsync(token, StrictLifetime(clock))).IsValid);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True((await cache.ValidateTokenAsync(token, StrictLifetime(clock))).IsValid);

        clock.Advance(TimeSpan.FromSeconds(31));

        var late = await cache.ValidateTokenAsync(token, StrictLifetime(clock));
        Assert.False(late.IsValid);
        Assert.IsType<SecurityTokenInvalidLifetimeException>(late.Exception);
    }

    [Fact]
    public async Task A_changed_signature_or_payload_is_judged_afresh_and_refused()
    {
        var cache = new ValidatedTokenCache(TimeProvider.System);
        var token = Token(new Caller("902", Role.LaOfficer, null), TimeSpan.FromHours(1));
        Assert.True((await cache.ValidateTokenAsync(token, TokenValidation.ParametersFor(Jwt))).IsValid);
        var parts = token.Split('.');
        var otherTenant = Token(new Caller("901", Role.LaOfficer, null), TimeSpan.FromHours(1)).Split('.');

        var newPayloadOldSignature = string.Join('.', parts[0], otherTenant[1], parts[2]);
        var otherKey = Token(new Caller("902", Role.LaOfficer, null), TimeSpan.FromHours(1), new JwtOptions { SigningKey = "some-other-signing-key-that-is-long-enough-000" });

        Assert.False((await cache.ValidateTokenAsync(newPayloadOldSignature, TokenValidation.ParametersFor(Jwt))).IsValid);
        Assert.False((await cache.ValidateTokenAsync(otherKey, TokenValidation.ParametersFor(Jwt))).IsValid);
        Assert.False((await cache.ValidateTokenAsync(otherKey, TokenValidation.ParametersFor(Jwt))).IsValid);
    }

    [Fact]
    public async Task Past_its_capacity_the_cache_starts_over_and_still_answers()
    {
        var cache = new ValidatedTokenCache(TimeProvider.System);
        var tokens = Enumerable.Range(0, ValidatedTokenCache.Capacity + 5)
            .Select(i => Token(new Caller("902", Role.SchoolStaff, (100000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)), TimeSpan.FromHours(1)))
            .ToList();

        foreach (var token in tokens) Assert.True((await cache.ValidateTokenAsync(token, TokenValidation.ParametersFor(Jwt))).IsValid);

        Assert.True((await cache.ValidateTokenAsync(tokens[0], TokenValidation.ParametersFor(Jwt))).IsValid);
        Assert.True((await cache.ValidateTokenAsync(tokens[^1], TokenValidation.ParametersFor(Jwt))).IsValid);
    }
}
