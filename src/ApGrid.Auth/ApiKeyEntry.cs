namespace ApGrid.Auth;

/// <summary>One partner system's key as configured under ApiKeys:{name}: the key's SHA-256 and the tenant it reads.</summary>
public sealed class ApiKeyEntry
{
    /// <summary>Lower- or upper-case hex SHA-256 of the key's UTF-8 bytes; the key itself is never stored.</summary>
    public string Hash { get; set; } = "";

    /// <summary>The LA code (tenant) the key's holder acts in.</summary>
    public string Tenant { get; set; } = "";
}
