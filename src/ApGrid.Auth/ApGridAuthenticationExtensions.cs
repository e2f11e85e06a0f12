using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Builder;
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
    /// <summary>
    /// Answers 429 to a source that has presented too many refused credentials lately, before anything
    /// else looks at its request: any request carrying a credential, and WebSocket upgrades (whose
    /// credential follows in connection_init). The public face (gateway, `all`) runs it, right after
    /// authentication.
    /// </summary>
    public static IApplicationBuilder UseAuthenticationFailureLimit(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.ApplicationServices.GetRequiredService<AuthenticationFailures>().Enforced = true;
        return app.Use(async (context, next) =>
        {
            var presents = context.Request.Headers.ContainsKey(ApiKeyDefaults.HeaderName) || context.Request.Headers.ContainsKey("Authorization")
                || string.Equals(context.Request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase);
            if (presents && context.RequestServices.GetRequiredService<AuthenticationFailures>().Blocked(context.Connection.RemoteIpAddress) is { } wait)
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                var seconds = AuthenticationFailures.RetryAfterSeconds(wait);
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.Response.WriteAsJsonAsync(new
                {
                    title = "Too many refused credentials",
                    status = 429,
                    code = "RATE_LIMITED",
                    detail = $"Too many refused credentials from this address; try again in {seconds} s.",
                }, context.RequestAborted);
                return;
            }

            await next(context);
        });
    }

    public static JwtOptions AddApGridAuthentication(this IServiceCollection services, IConfiguration configuration, bool development, bool sessions = false)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var jwt = configuration.GetSection("Auth").Get<JwtOptions>() ?? new JwtOptions();
        jwt.DevTokens = development;
        jwt.Validate();
        var apiKeys = configuration.GetSection(ApiKeyDefaults.SectionName).Get<Dictionary<string, ApiKeyEntry>>() ?? [];
        // The refusal limits sit beside ApiKeys, not in it: every entry of ApiKeys is a key.
        // The system clock, as the handler's own lifetime check uses: a node's adjustable clock
        // (walked forward in tests) must not expire a token the handler still accepts.
        var tokens = new IssuerTokenHandler(jwt, TimeProvider.System);
        services.AddSingleton(Options.Create(jwt));
        services.AddSingleton(tokens);
        services.AddSingleton(new ApiKeyValidator(apiKeys));
        services.AddSingleton(new AuthenticationFailures(
            configuration.GetValue($"{ApiKeyDefaults.SectionName}Limits:MaxFailuresPerSource", 20),
            configuration.GetValue($"{ApiKeyDefaults.SectionName}Limits:FailureWindow", TimeSpan.FromMinutes(5)),
            TimeProvider.System));
        var authentication = services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer token, API key or board session", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyDefaults.HeaderName) ? ApiKeyDefaults.AuthenticationScheme
                : sessions && !context.Request.Headers.ContainsKey("Authorization") && context.Request.Cookies.ContainsKey(BoardSession.CookieName) ? BoardSession.Scheme
                : JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.Events = new JwtBearerEvents
                {
                    OnAuthenticationFailed = context =>
                    {
                        context.HttpContext.RequestServices.GetRequiredService<AuthenticationFailures>().Failed(context.HttpContext.Connection.RemoteIpAddress);
                        return Task.CompletedTask;
                    },
                };
                o.TokenValidationParameters = TokenValidation.ParametersFor(jwt);
                o.TokenHandlers.Clear();
                o.TokenHandlers.Add(tokens);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.AuthenticationScheme, null);
        services.AddAuthorization();
        return jwt;
    }
}
