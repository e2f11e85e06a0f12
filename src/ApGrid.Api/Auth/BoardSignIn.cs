using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace ApGrid.Api.Auth;

/// <summary>
/// The board's sign-in, run by the server (a backend for frontend): the authorization-code flow
/// with PKCE against the tenant's own provider, then a session whose cookie is HttpOnly, Secure and
/// SameSite=Lax and holds only a key (the session itself is a grain). No token ever reaches the
/// browser. Requests made with the session must carry its CSRF token when they change anything,
/// and its WebSockets must come from ApGrid's own pages (Origin).
/// </summary>
public static class BoardSignIn
{
    public static string SchemeOf(string tenant) => "oidc-" + tenant;

    public static void AddBoardSessions(this IServiceCollection services, IConfiguration configuration, JwtOptions jwt)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(jwt);
        var lifetime = configuration.GetValue("Auth:SessionLifetime", TimeSpan.FromHours(8));

        // Every node must read every node's cookies: a cluster points this at one shared directory.
        var protection = services.AddDataProtection().SetApplicationName("ApGrid");
        if (configuration["DataProtection:KeysDirectory"] is { Length: > 0 } keys) protection.PersistKeysToFileSystem(new DirectoryInfo(keys));

        services.AddSingleton<BoardSessionStore>();
        services.AddOptions<CookieAuthenticationOptions>(BoardSession.Scheme).Configure<BoardSessionStore>((o, store) => o.SessionStore = store);
        var authentication = services.AddAuthentication().AddCookie(BoardSession.Scheme, o =>
        {
            o.Cookie.Name = BoardSession.CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = lifetime;
            o.SlidingExpiration = false;
            // An API answers 401/403 itself; nothing redirects a fetch to a login page.
            o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
            o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        });

        foreach (var (tenant, provider) in jwt.Tenants.Where(t => t.Value.ClientId.Length > 0))
        {
            authentication.AddOpenIdConnect(SchemeOf(tenant), o =>
            {
                o.Authority = provider.Authority;
                o.RequireHttpsMetadata = provider.RequireHttpsMetadata;
                o.ClientId = provider.ClientId;
                o.ClientSecret = provider.ClientSecret;
                o.ResponseType = "code";
                o.ResponseMode = "query";
                o.UsePkce = true;
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("email");
                o.CallbackPath = "/auth/callback/" + tenant;
                o.SignedOutCallbackPath = "/auth/signed-out/" + tenant;
                o.SignInScheme = BoardSession.Scheme;
                o.SaveTokens = false;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256];
                o.TokenValidationParameters.NameClaimType = ApGridClaims.Subject;
                // The provider answers with a top-level GET redirect, which Lax cookies survive.
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.Events.OnTokenValidated = context =>
                {
                    // The session keeps who the person is and nothing the provider says about roles.
                    var validated = context.Principal!;
                    var claims = new List<Claim>
                    {
                        new(ApGridClaims.Subject, validated.FindFirst(ApGridClaims.Subject)!.Value),
                        new(ApGridClaims.Tenant, tenant),
                        new(IssuerTokenHandler.ProviderIdentity, "true"),
                        new(BoardSession.CsrfClaim, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
                    };
                    if (validated.FindFirst("email")?.Value is { } email) claims.Add(new Claim("email", email));
                    context.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, BoardSession.Scheme, ApGridClaims.Subject, ApGridClaims.Role));
                    return Task.CompletedTask;
                };
            });
        }
    }

    public static void MapBoardSignIn(this IEndpointRouteBuilder endpoints, JwtOptions jwt)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        endpoints.MapGet("/auth/sign-in/{tenant}", (string tenant, string? returnTo) =>
            jwt.Tenants.TryGetValue(tenant, out var provider) && provider.ClientId.Length > 0
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrRoot(returnTo) }, [SchemeOf(tenant)])
                : Results.NotFound()).AllowAnonymous();

        endpoints.MapGet("/auth/session", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            var user = context.User;
            return user.FindFirst(BoardSession.CsrfClaim)?.Value is { } csrf
                ? Results.Json(new { signedIn = true, tenant = user.FindFirst(ApGridClaims.Tenant)?.Value, email = user.FindFirst("email")?.Value, csrf })
                : Results.Json(new { signedIn = false }, statusCode: StatusCodes.Status401Unauthorized);
        }).AllowAnonymous();

        // The CSRF check (UseBoardSessionProtection) has run: only the board's own script gets here.
        endpoints.MapPost("/auth/sign-out", async (HttpContext context) =>
        {
            await context.SignOutAsync(BoardSession.Scheme);
            return Results.NoContent();
        }).AllowAnonymous();
    }

    /// <summary>
    /// For requests that came with the session cookie: a state-changing method needs the session's
    /// CSRF token in <see cref="BoardSession.CsrfHeader"/>, and a WebSocket must come from a page of
    /// this host (the browser always sends Origin on an upgrade; no other site can open one with the cookie).
    /// </summary>
    public static IApplicationBuilder UseBoardSessionProtection(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.FindFirst(BoardSession.CsrfClaim)?.Value is { } csrf)
        {
            var refused = IsWebSocketUpgrade(context)
                ? !SameOrigin(context)
                : !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
                  && !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(context.Request.Headers[BoardSession.CsrfHeader].ToString()), Encoding.UTF8.GetBytes(csrf));
            if (refused)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(new
                {
                    errors = new[] { new { message = $"A request made with the board's session must come from the board and carry {BoardSession.CsrfHeader}.", extensions = new { code = "FORBIDDEN" } } },
                });
                return;
            }
        }

        await next(context);
    });

    // Read from the request: this runs before the WebSockets middleware that would say so.
    private static bool IsWebSocketUpgrade(HttpContext context) =>
        string.Equals(context.Request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase)
        || context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpExtendedConnectFeature>() is { IsExtendedConnect: true } connect
           && string.Equals(connect.Protocol, "websocket", StringComparison.OrdinalIgnoreCase);

    private static bool SameOrigin(HttpContext context) =>
        Uri.TryCreate(context.Request.Headers.Origin.ToString(), UriKind.Absolute, out var origin)
        && string.Equals(origin.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase);

    private static string LocalOrRoot(string? returnTo) =>
        returnTo is { Length: > 0 } && returnTo[0] == '/' && (returnTo.Length == 1 || (returnTo[1] != '/' && returnTo[1] != '\\')) ? returnTo : "/";
}
