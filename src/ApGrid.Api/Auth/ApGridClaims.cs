namespace ApGrid.Api.Auth;

public static class ApGridClaims
{
    public const string Tenant = "tenant";
    public const string Role = "role";
    public const string Urn = "urn";
    public const string Subject = "sub";
}
