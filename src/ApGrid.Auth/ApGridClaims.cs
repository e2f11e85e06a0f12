namespace ApGrid.Auth;

public static class ApGridClaims
{
    public const string Tenant = "tenant";
    public const string Role = "role";
    public const string Urn = "urn";

    /// <summary>Who the caller is, as their identity provider names them; the audit trail records it.</summary>
    public const string Subject = "sub";

    /// <summary>The configured name of the API key a partner system called with; absent for bearer tokens.</summary>
    public const string ApiKey = "api_key";

    /// <summary>The role every API key acts as; the same name bearer tokens carry.</summary>
    public const string PartnerRole = "PARTNER";
}
