using ApGrid.Api.Auth;
using ApGrid.Auth;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ApGrid.Api.Tests.Auth;

public sealed class IssuerTokenHandlerTests
{
    private static JwtOptions Options(bool development) => new() { SigningKey = "issuer-token-handler-tests-signing-key-0123456789", DevTokens = development };

    private static string DevToken(JwtOptions jwt) =>
        new TokenIssuer(Microsoft.Extensions.Options.Options.Create(jwt)).Issue(new Caller("901", Role.LaOfficer, null));

    [Fact]
    public async Task A_dev_token_is_accepted_in_Development()
    {
        var jwt = Options(development: true);

        var result = await new IssuerTokenHandler(jwt, TimeProvider.System).ValidateTokenAsync(DevToken(jwt), new TokenValidationParameters());

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("LA_OFFICER", result.ClaimsIdentity.FindFirst(ApGridClaims.Role)?.Value);
    }

    [Fact]
    public async Task The_same_dev_token_is_refused_outside_Development_even_with_the_key_configured()
    {
        var jwt = Options(development: false);

        var result = await new IssuerTokenHandler(jwt, TimeProvider.System).ValidateTokenAsync(DevToken(Options(development: true)), new TokenValidationParameters());

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenInvalidIssuerException>(result.Exception);
    }

    [Fact]
    public async Task Something_that_is_no_token_at_all_is_refused_without_throwing()
    {
        var result = await new IssuerTokenHandler(Options(development: true), TimeProvider.System).ValidateTokenAsync("not-a-jwt", new TokenValidationParameters());

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Two_tenants_may_not_share_one_issuer()
    {
        var jwt = Options(development: false);
        jwt.Tenants["901"] = new TenantIdentityProvider { Authority = "https://login.example.test/la", Audience = "api://apgrid" };
        jwt.Tenants["902"] = new TenantIdentityProvider { Authority = "https://login.example.test/la", Audience = "api://apgrid" };

        Assert.Throws<InvalidOperationException>(jwt.Validate);
    }

    [Fact]
    public void A_provider_must_be_reached_over_https_unless_told_otherwise_for_a_local_test()
    {
        var jwt = Options(development: false);
        jwt.Tenants["901"] = new TenantIdentityProvider { Authority = "http://login.example.test/la", Audience = "api://apgrid" };

        Assert.Throws<InvalidOperationException>(jwt.Validate);
        jwt.Tenants["901"].RequireHttpsMetadata = false;
        jwt.Validate();
    }
}
