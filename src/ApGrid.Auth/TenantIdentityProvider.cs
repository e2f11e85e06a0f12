namespace ApGrid.Auth;

/// <summary>
/// One LA's own OpenID provider, as configured under Auth:Tenants:{laCode}: who signs its staff in,
/// for which audience, and who administers its access to ApGrid until grants exist.
/// </summary>
public sealed class TenantIdentityProvider
{
    /// <summary>
    /// The provider's issuer exactly as its tokens carry it (its discovery document sits under
    /// /.well-known/openid-configuration); for Entra ID https://login.microsoftonline.com/{tenant id}/v2.0.
    /// </summary>
    public string Authority { get; set; } = "";

    /// <summary>The `aud` ApGrid requires in bearer tokens: the Application ID URI or client id of ApGrid's API registration.</summary>
    public string Audience { get; set; } = "";

    /// <summary>The board's client id for the authorization-code flow (the server signs people in, never the browser).</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The board's client secret; supplied by a secret store or environment variable, never a file in the repo.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>Email domains whose people may be granted access; empty allows any domain the provider vouches for.</summary>
    public IList<string> AllowedEmailDomains { get; } = [];

    /// <summary>
    /// Emails or subjects that hold LA_ADMIN from configuration, so a new tenant has someone who can
    /// grant the first roles. Configuration wins over the registry: removing a name here is the way to end it.
    /// </summary>
    public IList<string> Administrators { get; } = [];

    /// <summary>Whether discovery and the JWKS must be fetched over HTTPS; only tests against a local provider turn it off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool AllowsEmail(string? email)
    {
        if (AllowedEmailDomains.Count == 0) return true;
        var at = email?.LastIndexOf('@') ?? -1;
        return at > 0 && AllowedEmailDomains.Any(d => string.Equals(d, email![(at + 1)..], StringComparison.OrdinalIgnoreCase));
    }

    public bool IsAdministrator(string subject, string? email) =>
        Administrators.Any(a => string.Equals(a, subject, StringComparison.Ordinal)
            || (email is not null && string.Equals(a, email, StringComparison.OrdinalIgnoreCase)));
}
