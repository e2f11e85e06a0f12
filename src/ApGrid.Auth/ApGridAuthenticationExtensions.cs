using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ApGrid.Auth;

public static class ApGridAuthenticationExtensions
{
    /// <summary>The default scheme: picks API-key or bearer authentication by what the request carries.</summary>
    public const string Scheme = "ApGrid";

    /// <summary>
    /// Bearer tokens (the Auth section) and partner API keys (the ApiKeys section), the same way in
    /// the gateway and in every node, so a request is judged alike wherever it lands.
    /// </summary>
    public static JwtOptions AddApGridAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var jwt = configuration.GetSection("Auth").Get<JwtOptions>() ?? new JwtOptions();
        jwt.Validate();
        var apiKeys = configuration.GetSection(ApiKeyDefaults.SectionName).Get<Dictionary<string, ApiKeyEntry>>() ?? [];
        services.AddSingleton(Options.Create(jwt));
        services.AddSingleton(new ApiKeyValidator(apiKeys));
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer token or API key", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyDefaults.HeaderName) ? ApiKeyDefaults.AuthenticationScheme : JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = TokenValidation.ParametersFor(jwt);
                o.TokenHandlers.Clear();
                // The system clock, as the handler's own lifetime check uses: a node's adjustable clock
                // (walked forward in tests) must not expire a token the handler still accepts.
                o.TokenHandlers.Add(new ValidatedTokenCache(TimeProvider.System));
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.AuthenticationScheme, null);
        services.AddAuthorization();
        return jwt;
    }
}
