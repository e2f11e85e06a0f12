namespace ApGrid.Auth;

public static class ApiKeyDefaults
{
    public const string AuthenticationScheme = "ApiKey";

    public const string HeaderName = "X-Api-Key";

    /// <summary>The configuration section that maps key names to <see cref="ApiKeyEntry"/>.</summary>
    public const string SectionName = "ApiKeys";
}
