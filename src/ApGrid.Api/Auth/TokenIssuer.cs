using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ApGrid.Api.Auth;

/// <summary>Signs tokens with the configured key; used by the Development token endpoint and tests.</summary>
public sealed class TokenIssuer(IOptions<JwtOptions> options)
{
    public string Issue(Caller caller, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var jwt = options.Value;
        var claims = new List<Claim>
        {
            new(ApGridClaims.Tenant, caller.Tenant),
            new(ApGridClaims.Role, RoleNames.NameOf(caller.Role)),
            new(JwtRegisteredClaimNames.Sub, $"{caller.Tenant}:{RoleNames.NameOf(caller.Role)}:{caller.Urn}"),
        };
        if (caller.Urn is not null) claims.Add(new(ApGridClaims.Urn, caller.Urn));
        // Real time, not the application clock: token lifetimes are checked against real time.
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now.AddMinutes(-1),
            IssuedAt = now,
            Expires = now + (lifetime ?? jwt.DevTokenLifetime),
            SigningCredentials = new SigningCredentials(SigningKeyOf(jwt), SecurityAlgorithms.HmacSha256),
        });
    }

    public static SymmetricSecurityKey SigningKeyOf(JwtOptions jwt) => TokenValidation.SigningKeyOf(jwt);
}
