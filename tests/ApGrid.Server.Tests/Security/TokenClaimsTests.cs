using System.Security.Claims;
using System.Text;
using ApGrid.Server.Tests.Api;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ApGrid.Server.Tests.Security;

/// <summary>
/// A token must name one person: without `sub`, with an empty one, or with an array where ApGrid
/// reads one value (sub, tenant, role, urn), it is refused (401) over HTTP and on a socket, however
/// well it is signed. Development tokens here; provider tokens pass the same check.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class TokenClaimsTests(RunningServerFixture server)
{
    public static TheoryData<string> Malformed => new() { "no sub", "empty sub", "sub array", "role array", "tenant array" };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_token_not_naming_one_person_is_refused(string shape)
    {
        var claims = new Dictionary<string, object> { ["tenant"] = "901", ["role"] = "LA_OFFICER", ["sub"] = "901:LA_OFFICER:" };
        switch (shape)
        {
            case "no sub": claims.Remove("sub"); break;
            case "empty sub": claims["sub"] = ""; break;
            case "sub array": claims["sub"] = new[] { "alice", "bob" }; break;
            case "role array": claims["role"] = new[] { "SCHOOL_STAFF", "LA_OFFICER" }; break;
            case "tenant array": claims["tenant"] = new[] { "902", "901" }; break;
        }

        var response = await server.PostAsync(Sign(claims), "{ viewer { tenant role } }");

        Assert.Equal(401, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.FirstErrorCode);
    }

    [Fact]
    public async Task The_same_token_with_one_sub_is_served()
    {
        var response = await server.PostAsync(Sign(new Dictionary<string, object> { ["tenant"] = "901", ["role"] = "LA_OFFICER", ["sub"] = "alice" }), "{ viewer { tenant } }");

        Assert.Equal(200, response.Status);
        Assert.Equal("901", response.Data.GetProperty("viewer").GetProperty("tenant").GetString());
    }

    private static string Sign(Dictionary<string, object> claims)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "apgrid",
            Audience = "apgrid-api",
            Claims = claims,
            Subject = new ClaimsIdentity(),
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now,
            Expires = now.AddMinutes(30),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(RunningServerFixture.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
