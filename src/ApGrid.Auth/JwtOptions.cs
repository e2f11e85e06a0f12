namespace ApGrid.Auth;

/// <summary>The "Auth" configuration section: who issues the bearer tokens ApGrid accepts.</summary>
public sealed class JwtOptions
{
    public string Issuer { get; set; } = "apgrid";

    public string Audience { get; set; } = "apgrid-api";

    /// <summary>HMAC-SHA256 key, at least 32 bytes of UTF-8. Kept in a secret store, never in the repo, outside Development.</summary>
    public string SigningKey { get; set; } = "";

    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    public void Validate()
    {
        if (System.Text.Encoding.UTF8.GetByteCount(SigningKey) < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be set to at least 32 bytes.");
        }
    }
}
