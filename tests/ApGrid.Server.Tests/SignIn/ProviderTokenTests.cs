using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ApGrid.Server.Tests.SignIn;

/// <summary>Bearer tokens from each LA's own OpenID provider: what is accepted, and every way one is refused.</summary>
[Collection(SignInCollection.Name)]
public sealed class ProviderTokenTests(SignInFixture fixture)
{
    private const string Viewer = "{ viewer { tenant role urn } }";

    [Fact]
    public async Task The_first_administrator_from_configuration_signs_in_with_an_RS256_token_as_LA_ADMIN()
    {
        var token = await fixture.La901.AccessTokenAsync("admin@la901.test");

        var response = await fixture.PostAsync(token, Viewer);

        Assert.False(response.HasErrors, response.Body);
        Assert.Equal("901", response.Data.GetProperty("viewer").GetProperty("tenant").GetString());
        Assert.Equal("LA_ADMIN", response.Data.GetProperty("viewer").GetProperty("role").GetString());
        Assert.Equal("RS256", new JsonWebToken(token).Alg);
    }

    [Fact]
    public async Task An_ES256_token_from_the_second_tenants_provider_acts_in_that_tenant()
    {
        var token = await fixture.La902.AccessTokenAsync("admin@la902.test");

        var response = await fixture.PostAsync(token, Viewer);

        Assert.False(response.HasErrors, response.Body);
        Assert.Equal("902", response.Data.GetProperty("viewer").GetProperty("tenant").GetString());
        Assert.Equal("ES256", new JsonWebToken(token).Alg);
    }

    [Fact]
    public async Task A_person_the_LA_has_not_granted_anything_is_told_they_have_no_access_yet()
    {
        var token = await fixture.La901.AccessTokenAsync("newcomer@la901.test");

        var response = await fixture.PostAsync(token, Viewer);

        Assert.Equal(403, response.Status);
        Assert.Equal("NO_ACCESS", response.FirstErrorCode);
    }

    [Fact]
    public async Task Tenant_and_role_claims_a_provider_puts_in_its_token_count_for_nothing()
    {
        // The provider adds tenant 902 and role LA_OFFICER to "forger." tokens.
        var token = await fixture.La901.AccessTokenAsync("forger.one@la901.test");
        Assert.Equal("902", new JsonWebToken(token).GetPayloadValue<string>("tenant"));

        var response = await fixture.PostAsync(token, Viewer);

        Assert.Equal(403, response.Status);
        Assert.Equal("NO_ACCESS", response.FirstErrorCode);
    }

    [Fact]
    public async Task A_grant_in_another_tenant_never_lets_a_person_act_there()
    {
        // 902's administrator grants LA_OFFICER to a 901 person: the record exists, in 902's registry.
        await fixture.GrantAsync(fixture.La902, "admin@la902.test", new { email = "crosser@la901.test", role = "LA_OFFICER" });
        var token = await fixture.La901.AccessTokenAsync("crosser@la901.test");

        var response = await fixture.PostAsync(token, Viewer);

        // Their provider is 901's, so they are a 901 person, and 901 has granted them nothing.
        Assert.Equal(403, response.Status);
        Assert.Equal("NO_ACCESS", response.FirstErrorCode);
    }

    [Fact]
    public async Task A_key_rotation_at_the_provider_is_picked_up_without_a_restart()
    {
        var before = await fixture.La902.AccessTokenAsync("admin@la902.test");
        Assert.Equal(200, (await fixture.PostAsync(before, Viewer)).Status);

        var kid = await fixture.La902.RotateKeysAsync();
        var after = await fixture.La902.AccessTokenAsync("admin@la902.test");
        Assert.Equal(kid, new JsonWebToken(after).Kid);

        var response = await fixture.PostAsync(after, Viewer);
        Assert.False(response.HasErrors, response.Body);
        Assert.Equal("902", response.Data.GetProperty("viewer").GetProperty("tenant").GetString());
    }

    [Fact]
    public async Task A_token_from_an_issuer_no_tenant_configured_is_refused()
    {
        using var key = RSA.Create(2048);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://login.example.test/other-la/v2.0",
            Audience = "api://apgrid-901",
            Claims = new Dictionary<string, object> { ["sub"] = "someone", ["email"] = "admin@la901.test" },
            IssuedAt = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = "k1" }, SecurityAlgorithms.RsaSha256),
        });

        var response = await fixture.PostAsync(token, Viewer);

        Assert.Equal(401, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.FirstErrorCode);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        // 903's provider issues for api://someone-else; ApGrid expects api://apgrid-903 from it.
        var token = await fixture.La903.AccessTokenAsync("admin@la903.test");

        Assert.Equal(401, (await fixture.PostAsync(token, Viewer)).Status);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        // "short." logins get a 3-second token; the server allows no clock skew here.
        var token = await fixture.La901.AccessTokenAsync("short.admin@la901.test");
        var expires = new JsonWebToken(token).ValidTo;
        await Task.Delay(expires - DateTime.UtcNow + TimeSpan.FromSeconds(1.5));

        Assert.Equal(401, (await fixture.PostAsync(token, Viewer)).Status);
    }

    [Fact]
    public async Task A_token_that_lives_longer_than_the_maximum_lifetime_is_refused_though_unexpired()
    {
        // "long." logins get 48 hours; Auth:MaxTokenLifetime is 12.
        var token = await fixture.La901.AccessTokenAsync("long.admin@la901.test");
        Assert.True(new JsonWebToken(token).ValidTo > DateTime.UtcNow.AddHours(47));

        Assert.Equal(401, (await fixture.PostAsync(token, Viewer)).Status);
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_refused()
    {
        var token = new JsonWebToken(await fixture.La901.AccessTokenAsync("admin@la901.test"));
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
        var unsigned = $"{header}.{token.EncodedPayload}.";

        Assert.Equal(401, (await fixture.PostAsync(unsigned, Viewer)).Status);
    }

    [Fact]
    public async Task A_token_whose_signature_was_made_for_another_payload_is_refused()
    {
        var token = new JsonWebToken(await fixture.La901.AccessTokenAsync("admin@la901.test"));
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.EncodedPayload)).Replace("admin@la901.test", "other@la901.test", StringComparison.Ordinal);

        Assert.Equal(401, (await fixture.PostAsync($"{token.EncodedHeader}.{Base64UrlEncoder.Encode(payload)}.{token.EncodedSignature}", Viewer)).Status);
    }
}
