using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ApGrid.Server.Tests.Api;

[Collection(RunningServerCollection.Name)]
public sealed class AuthenticationTests(RunningServerFixture server)
{
    [Fact]
    public async Task No_token_is_unauthenticated()
    {
        var response = await server.PostAsync(null, "{ viewer { tenant } }");

        Assert.Equal(401, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.FirstErrorCode);
    }

    [Fact]
    public async Task A_tampered_token_is_unauthenticated()
    {
        var token = await server.TokenAsync("902", "PARTNER");
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"902\"", "\"901\"", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        var response = await server.PostAsync(tampered, "{ viewer { tenant } }");

        Assert.Equal(401, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.FirstErrorCode);
    }

    [Fact]
    public async Task An_expired_token_is_unauthenticated()
    {
        var now = DateTime.UtcNow;
        var expired = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "apgrid",
            Audience = "apgrid-api",
            Subject = new ClaimsIdentity([new Claim("tenant", "901"), new Claim("role", "LA_OFFICER")]),
            NotBefore = now.AddHours(-2),
            IssuedAt = now.AddHours(-2),
            Expires = now.AddHours(-1),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(RunningServerFixture.SigningKey)), SecurityAlgorithms.HmacSha256),
        });

        var response = await server.PostAsync(expired, "{ viewer { tenant } }");

        Assert.Equal(401, response.Status);
    }

    [Fact]
    public async Task The_viewer_is_who_the_token_says()
    {
        var token = await server.TokenAsync("902", "AP_STAFF", "240001");

        var response = await server.PostAsync(token, "{ viewer { tenant role urn } }");

        Assert.Equal("""{"tenant":"902","role":"AP_STAFF","urn":"240001"}""", response.Data.GetProperty("viewer").GetRawText());
    }

    [Fact]
    public async Task The_dev_token_endpoint_names_the_bad_field()
    {
        using var response = await server.Http.PostAsync(new Uri("/dev/token", UriKind.Relative),
            new StringContent("""{"tenant":"901","role":"AP_STAFF","urn":null}""", Encoding.UTF8, new MediaTypeHeaderValue("application/json")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"field\":\"urn\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
