using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ApGrid.Auth;

/// <summary>
/// Judges a bearer token by its issuer: an LA's configured OpenID provider (keys from its discovery
/// document and JWKS, fetched again when a token names a key not yet seen, so a rotation needs no
/// restart), or in Development ApGrid's own HMAC dev tokens. Anything else is refused.
/// A provider's token says who someone is, never what they may do in ApGrid: its tenant comes from
/// the issuer, and any tenant, role, URN or API-key claim it carries is dropped; the access
/// registry adds the role later (see the API's access resolution).
/// </summary>
public sealed class IssuerTokenHandler : ValidatedTokenCache
{
    /// <summary>Marks an identity whose role must come from ApGrid's access registry.</summary>
    public const string ProviderIdentity = "apgrid_idp";

    private static readonly string[] ProviderAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256];
    private static readonly string[] GrantedClaims = [ApGridClaims.Tenant, ApGridClaims.Role, ApGridClaims.Urn, ApGridClaims.ApiKey, ProviderIdentity];

    /// <summary>The claims ApGrid reads; others (a provider's groups, amr, aud) may be arrays as their specifications allow.</summary>
    private static readonly string[] SingleValuedClaims =
        [ApGridClaims.Subject, JwtRegisteredClaimNames.Iss, JwtRegisteredClaimNames.Iat, JwtRegisteredClaimNames.Exp, JwtRegisteredClaimNames.Nbf,
         ApGridClaims.Tenant, ApGridClaims.Role, ApGridClaims.Urn, ApGridClaims.ApiKey];

    private readonly JwtOptions options;
    private readonly Dictionary<string, (string Tenant, TenantIdentityProvider Provider, ConfigurationManager<OpenIdConnectConfiguration> Metadata)> issuers;

    public IssuerTokenHandler(JwtOptions options, TimeProvider clock, HttpClient? metadataClient = null) : base(clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        issuers = options.Tenants.ToDictionary(
            t => t.Value.Authority,
            t => (t.Key, t.Value, new ConfigurationManager<OpenIdConnectConfiguration>(
                t.Value.Authority.TrimEnd('/') + "/.well-known/openid-configuration",
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(metadataClient ?? new HttpClient()) { RequireHttps = t.Value.RequireHttpsMetadata })
            {
                AutomaticRefreshInterval = options.KeyRefreshInterval,
                RefreshInterval = options.KeyRefreshMinimumInterval,
            }),
            StringComparer.Ordinal);
    }

    /// <summary>The tenant whose provider issues tokens with this issuer, if one is configured.</summary>
    public string? TenantOfIssuer(string issuer) => issuers.TryGetValue(issuer, out var found) ? found.Tenant : null;

    public TenantIdentityProvider? ProviderOf(string tenant) => options.Tenants.TryGetValue(tenant, out var provider) ? provider : null;

    protected override async Task<TokenValidationResult> ValidateUncachedAsync(string token, TokenValidationParameters validationParameters)
    {
        string issuer;
        try
        {
            issuer = ReadJsonWebToken(token).Issuer;
        }
        catch (ArgumentException ex)
        {
            return Refused(ex);
        }

        if (issuers.TryGetValue(issuer, out var known)) return OnePersonNamedOnce(await ValidateProviderTokenAsync(token, known.Tenant, known.Provider, known.Metadata));
        if (options.DevTokens && string.Equals(issuer, options.Issuer, StringComparison.Ordinal))
        {
            return OnePersonNamedOnce(await base.ValidateUncachedAsync(token, TokenValidation.ParametersFor(options)));
        }

        return Refused(new SecurityTokenInvalidIssuerException("The token's issuer is not an identity provider configured for any tenant."));
    }

    /// <summary>
    /// A valid token must name one person: a non-empty <c>sub</c> (the audit trail and the access
    /// registry key on it), and a single value for every claim ApGrid reads. An array there would
    /// leave the reading to whichever value came first.
    /// </summary>
    private static TokenValidationResult OnePersonNamedOnce(TokenValidationResult result)
    {
        if (!result.IsValid) return result;
        if (result.SecurityToken is JsonWebToken jwt)
        {
            foreach (var name in SingleValuedClaims)
            {
                if (jwt.TryGetPayloadValue<System.Text.Json.JsonElement>(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.Array)
                {
                    return Refused(new SecurityTokenValidationException($"The token's {name} claim must be a single value, not an array."));
                }
            }
        }

        var subjects = result.ClaimsIdentity.FindAll(ApGridClaims.Subject).ToList();
        return subjects is [{ Value: { Length: > 0 } subject }] && !string.IsNullOrWhiteSpace(subject)
            ? result
            : Refused(new SecurityTokenValidationException("The token must carry one sub naming the person."));
    }

    private async Task<TokenValidationResult> ValidateProviderTokenAsync(
        string token, string tenant, TenantIdentityProvider provider, ConfigurationManager<OpenIdConnectConfiguration> metadata)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await metadata.GetConfigurationAsync(CancellationToken.None);
        }
        catch (InvalidOperationException ex)
        {
            return Refused(ex);
        }

        var result = await base.ValidateUncachedAsync(token, ParametersFor(provider, configuration));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // A key the provider published since the last fetch: fetch again (rate-limited by RefreshInterval) and try once more.
            // IdentityModel fetches in the background once a configuration exists: wait a moment for the new one.
            var stale = configuration;
            metadata.RequestRefresh();
            for (var waited = 0; waited < 40 && ReferenceEquals(configuration, stale); waited++)
            {
                configuration = await metadata.GetConfigurationAsync(CancellationToken.None);
                if (ReferenceEquals(configuration, stale)) await Task.Delay(50);
            }

            result = await base.ValidateUncachedAsync(token, ParametersFor(provider, configuration));
        }

        if (!result.IsValid) return result;
        var issued = result.SecurityToken is JsonWebToken jwt && jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Iat, out var iat)
            ? DateTimeOffset.FromUnixTimeSeconds(iat).UtcDateTime
            : (DateTime?)null;
        if (issued is null || result.SecurityToken.ValidTo - issued.Value > options.MaxTokenLifetime)
        {
            return Refused(new SecurityTokenInvalidLifetimeException($"The token must carry iat and live at most {options.MaxTokenLifetime}."));
        }

        var identity = result.ClaimsIdentity;
        foreach (var claim in identity.Claims.Where(c => GrantedClaims.Contains(c.Type)).ToList()) identity.RemoveClaim(claim);
        identity.AddClaim(new Claim(ApGridClaims.Tenant, tenant));
        identity.AddClaim(new Claim(ProviderIdentity, "true"));
        return result;
    }

    private TokenValidationParameters ParametersFor(TenantIdentityProvider provider, OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuer = provider.Authority,
        ValidAudience = provider.Audience,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidAlgorithms = ProviderAlgorithms,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateIssuerSigningKey = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = options.ClockSkew,
        NameClaimType = ApGridClaims.Subject,
        RoleClaimType = ApGridClaims.Role,
    };

    private static TokenValidationResult Refused(Exception exception) => new() { IsValid = false, Exception = exception };
}
