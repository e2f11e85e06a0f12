using System.Security.Cryptography;
using System.Text;

namespace ApGrid.Domain;

/// <summary>
/// Standard Webhooks signing: HMAC-SHA256 over "id.timestamp.body" with the secret's bytes (the
/// base64 after "whsec_"), sent as "v1,&lt;base64&gt;" in webhook-signature.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    /// <summary>A new secret: 32 random bytes, within the 24 to 64 the specification asks for.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static bool IsSecret(string? secret)
    {
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal)) return false;
        var buffer = new byte[64];
        return Convert.TryFromBase64String(secret[SecretPrefix.Length..], buffer, out var length) && length >= 24;
    }

    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var content = Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{messageId}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }
}
