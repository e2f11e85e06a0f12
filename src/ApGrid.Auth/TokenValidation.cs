using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace ApGrid.Auth;

public static class TokenValidation
{
    /// <summary>One set of rules for every way a token arrives: the Authorization header or a WebSocket's connection_init.</summary>
    public static TokenValidationParameters ParametersFor(JwtOptions jwt)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        return new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = jwt.Audience,
            // Only Development's own tokens are HMAC-signed; elsewhere no key is configured, and none is needed.
            IssuerSigningKey = string.IsNullOrEmpty(jwt.SigningKey) ? null : SigningKeyOf(jwt),
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateIssuerSigningKey = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = "sub",
            RoleClaimType = ApGridClaims.Role,
        };
    }

    /// <summary>The HMAC key both the issuer and every validator derive from Auth:SigningKey.</summary>
    public static SymmetricSecurityKey SigningKeyOf(JwtOptions jwt)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey));
    }
}
