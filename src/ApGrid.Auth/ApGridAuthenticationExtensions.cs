using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ApGrid.Auth;

public static class ApGridAuthenticationExtensions
{
    /// <summary>The default scheme: picks API-key, bearer or board-session authentication by what the request carries.</summary>
    public const string Scheme = "ApGrid";

    /// <summary>
    /// Bearer tokens (the Auth section: each tenant's OpenID provider, and HMAC dev tokens in
    /// Development only) and partner API keys (the ApiKeys section), the same way in the gateway and
    /// in every node, so a request is judged alike wherever it lands. A host that serves board
    /// sessions registers <see cref="BoardSession.Scheme"/> itself and passes <paramref name="sessions"/>.
    /// </summary>
    public static JwtOptions AddApGridAuthentication(this IServiceCollection services, IConfiguration configuration, bool development, bool sessions = false)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var jwt = configuration.GetSection("Auth").Get<JwtOptions>() ?? new JwtOptions();
        jwt.DevTokens = development;
        jwt.Validate();
        var apiKeys = configuration.GetSection(ApiKeyDefaults.SectionName).Get<Dictionary<string, ApiKeyEntry>>() ?? [];
        // The system clock, as the handler's own lifetime check uses: a node's adjustable clock
        // (walked forward in tests) must not expire a token the handler still accepts.
        var tokens = new IssuerTokenHandler(jwt, TimeProvider.System);
        services.AddSingleton(Options.Create(jwt));
        services.AddSingleton(tokens);
        services.AddSingleton(new ApiKeyValidator(apiKeys));
        var authentication = services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer token, API key or board session", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyDefaults.HeaderName) ? ApiKeyDefaults.AuthenticationScheme
                : sessions && !context.Request.Headers.ContainsKey("Authorization") && context.Request.Cookies.ContainsKey(BoardSession.CookieName) ? BoardSession.Scheme
                : JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = TokenValidation.ParametersFor(jwt);
                o.TokenHandlers.Clear();
                o.TokenHandlers.Add(tokens);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.AuthenticationScheme, null);
        services.AddAuthorization();
        return jwt;
    }
}
