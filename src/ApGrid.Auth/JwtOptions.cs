namespace ApGrid.Auth;

/// <summary>The "Auth" configuration section: who issues the bearer tokens ApGrid accepts.</summary>
public sealed class JwtOptions
{
    /// <summary>The issuer of Development tokens (HMAC, signed with <see cref="SigningKey"/>).</summary>
    public string Issuer { get; set; } = "apgrid";

    public string Audience { get; set; } = "apgrid-api";

    /// <summary>
    /// HMAC-SHA256 key of Development tokens, at least 32 bytes of UTF-8. Only read when
    /// <see cref="DevTokens"/> is on, which only the Development environment allows.
    /// </summary>
    public string SigningKey { get; set; } = "";

    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Whether HMAC dev tokens are accepted: the host sets it to whether it runs in Development,
    /// after binding, so no configuration value can turn it on elsewhere.
    /// </summary>
    public bool DevTokens { get; set; }

    /// <summary>Each LA's own OpenID provider, keyed by LA code.</summary>
    public IDictionary<string, TenantIdentityProvider> Tenants { get; } = new Dictionary<string, TenantIdentityProvider>(StringComparer.Ordinal);

    /// <summary>The longest a provider's token may live from issue to expiry; longer ones are refused whatever they say.</summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How often a provider's discovery document and keys are fetched again. A token signed by a key
    /// not yet seen asks for a fetch at once, at most once per <see cref="KeyRefreshMinimumInterval"/>.
    /// </summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan KeyRefreshMinimumInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    public void Validate()
    {
        if (DevTokens && System.Text.Encoding.UTF8.GetByteCount(SigningKey) < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be set to at least 32 bytes (Development tokens).");
        }

        var issuers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, tenant) in Tenants)
        {
            if (code.Length != 3 || !code.All(char.IsAsciiDigit)) throw new InvalidOperationException($"Auth:Tenants:{code} must be keyed by a 3-digit LA code.");
            if (!Uri.TryCreate(tenant.Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && (tenant.RequireHttpsMetadata || authority.Scheme != Uri.UriSchemeHttp)))
            {
                throw new InvalidOperationException($"Auth:Tenants:{code}:Authority must be the provider's https issuer URL.");
            }

            if (string.IsNullOrWhiteSpace(tenant.Audience)) throw new InvalidOperationException($"Auth:Tenants:{code}:Audience must name ApGrid's API as the provider issues it.");

            // One issuer names one tenant: a token's issuer is what decides the tenant it acts in.
            if (!issuers.Add(tenant.Authority)) throw new InvalidOperationException($"Auth:Tenants:{code}:Authority is configured for another tenant too.");
        }

        if (MaxTokenLifetime <= TimeSpan.Zero) throw new InvalidOperationException("Auth:MaxTokenLifetime must be positive.");
    }
}
