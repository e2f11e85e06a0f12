namespace ApGrid.Auth;

/// <summary>
/// The parts of a managed key as handed to a partner, "apgk.{laCode}.{key id}.{secret}": the tenant
/// and id say where to look, only the secret is checked (against its salted hash).
/// </summary>
public sealed record ManagedApiKey(string Tenant, string KeyId, string Secret)
{
    public const string Prefix = "apgk.";

    public override string ToString() => $"{Prefix}{Tenant}.{KeyId}.{Secret}";

    public static ManagedApiKey? Parse(string? presented)
    {
        if (presented is null || presented.Length > 200 || !presented.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var parts = presented[Prefix.Length..].Split('.');
        return parts.Length == 3 && parts[0].Length == 3 && parts[0].All(char.IsAsciiDigit) && parts[1].Length is > 0 and <= 20 && parts[2].Length > 0
            ? new ManagedApiKey(parts[0], parts[1], parts[2])
            : null;
    }
}
