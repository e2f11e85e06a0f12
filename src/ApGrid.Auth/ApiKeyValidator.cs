using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace ApGrid.Auth;

/// <summary>
/// Turns a presented API key into a partner principal with the same claims a PARTNER bearer token
/// carries, so everything downstream (GraphQL's caller, rate limits) treats both alike.
/// </summary>
public sealed class ApiKeyValidator
{
    private readonly List<(string Name, byte[] Hash, string Tenant)> keys;

    public ApiKeyValidator(IReadOnlyDictionary<string, ApiKeyEntry> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var list = new List<(string Name, byte[] Hash, string Tenant)>();
        foreach (var (name, entry) in configured)
        {
            // A typo in a hash or tenant would lock a partner out silently; refuse to start instead.
            if (entry.Hash.Length != 64 || !IsHex(entry.Hash))
            {
                throw new InvalidOperationException($"{ApiKeyDefaults.SectionName}:{name}:Hash must be the 64 hex digits of the key's SHA-256.");
            }

            if (entry.Tenant.Length != 3 || !entry.Tenant.All(char.IsAsciiDigit))
            {
                throw new InvalidOperationException($"{ApiKeyDefaults.SectionName}:{name}:Tenant must be a 3-digit LA code.");
            }

            list.Add((name, Convert.FromHexString(entry.Hash), entry.Tenant));
        }

        keys = list;
    }

    public int Count => keys.Count;

    /// <summary>The hex SHA-256 to put in configuration for a key (operators use `sha256sum` just as well).</summary>
    public static string HashOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <returns>The partner principal, or null when the key matches no configured hash.</returns>
    public ClaimsPrincipal? Authenticate(string? presentedKey)
    {
        if (string.IsNullOrEmpty(presentedKey) || presentedKey.Length > 512) return null;
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        (string Name, string Tenant)? match = null;

        // Compare against every entry in constant time and without stopping early, so the time
        // taken says nothing about which hash bytes matched or where in the list a key sits.
        foreach (var (name, hash, tenant) in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, hash)) match = (name, tenant);
        }

        if (match is not { } found) return null;
        var identity = new ClaimsIdentity(
            [
                new Claim(ApGridClaims.Tenant, found.Tenant),
                new Claim(ApGridClaims.Role, ApGridClaims.PartnerRole),
                new Claim(ApGridClaims.ApiKey, found.Name),
                new Claim("sub", string.Create(CultureInfo.InvariantCulture, $"apikey:{found.Name}")),
            ],
            ApiKeyDefaults.AuthenticationScheme,
            "sub",
            ApGridClaims.Role);
        return new ClaimsPrincipal(identity);
    }

    private static bool IsHex(string value) => value.All(char.IsAsciiHexDigit);
}
