using ApGrid.Server.Demo;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace ApGrid.Server.Board;

/// <summary>
/// Serves the live board (built by Vite into the output's board folder at build time) at /, GraphiQL
/// at /graphiql and the board's sign-in configuration. Self-contained so the gateway role can map it
/// the same way.
/// </summary>
public static partial class BoardEndpoints
{
    /// <summary>Vite names assets by content hash, so they never change under their name.</summary>
    private const string ImmutableCache = "public, max-age=31536000, immutable";

    /// <summary>The pages name the current assets; a browser must ask again (304 when unchanged).</summary>
    private const string RevalidateCache = "no-cache";

    /// <summary>Only our own scripts; inline style attributes carry the heat map's shades; the socket is same-origin.</summary>
    private static readonly string[] PageMethods = [HttpMethods.Get, HttpMethods.Head];

    private const string BoardPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>The tab icon: a black tile with "AP" (browsers ask for /favicon.ico whatever a page says, and accept SVG there).</summary>
    private const string Favicon = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#0b0c0c"/><text x="16" y="22" font-family="Arial, sans-serif" font-size="15" font-weight="700" fill="#ffffff" text-anchor="middle">AP</text></svg>""";

    public static WebApplication MapApGridBoard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var path in new[] { "/favicon.ico", "/favicon.svg" })
        {
            app.MapMethods(path, PageMethods, (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "public, max-age=86400";
                return Results.Text(Favicon, "image/svg+xml");
            }).AllowAnonymous();
        }

        var root = Path.Combine(AppContext.BaseDirectory, "board");
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            BoardNotBuilt(app.Logger, root);
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(root, "assets")),
            RequestPath = "/assets",
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = ImmutableCache,
        });

        // Tenants whose provider has a client for the board (Auth:Tenants:{code}:ClientId), by the LA's name
        // (Auth:Tenants:{code}:Name): the gateway serving this page holds no grains to ask.
        var providers = app.Configuration.GetSection("Auth:Tenants").GetChildren()
            .Where(t => !string.IsNullOrEmpty(t["ClientId"])).OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new BoardTenant(t.Key, t["Name"] ?? DemoWorld.TenantNames.GetValueOrDefault(t.Key) ?? $"Local authority {t.Key}")).ToList();
        var development = app.Environment.IsDevelopment();
        app.MapMethods("/", PageMethods, (HttpContext context) => Page(context, files, "index.html", BoardPolicy)).AllowAnonymous();
        app.MapMethods("/index.html", PageMethods, (HttpContext context) => Page(context, files, "index.html", BoardPolicy)).AllowAnonymous();

        // GraphiQL's editor evaluates its own modes and styles inline, so it gets a looser policy than the board.
        // Off outside Development unless Board:GraphiQL:Enabled: partners bring their own tools.
        if (app.Configuration.GetValue("Board:GraphiQL:Enabled", development))
        {
            app.MapMethods("/graphiql", PageMethods, (HttpContext context) => Page(context, files, "graphiql.html",
                "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'")).AllowAnonymous();
        }

        app.MapGet("/board/config.json", () => Results.Json(new BoardConfig(
            DevSignIn: development,
            Tenants: development ? [.. DemoWorld.TenantNames.Select(t => new BoardTenant(t.Key, t.Value))] : [],
            Providers: providers))).AllowAnonymous();
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The board is not built ({Root} has no index.html); / and /graphiql are not served")]
    private static partial void BoardNotBuilt(ILogger logger, string root);

    private static IResult Page(HttpContext context, PhysicalFileProvider files, string name, string policy)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = RevalidateCache;
        headers[HeaderNames.ContentSecurityPolicy] = policy;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        var file = files.GetFileInfo(name);
        return Results.File(file.PhysicalPath!, "text/html; charset=utf-8", lastModified: file.LastModified,
            entityTag: new EntityTagHeaderValue($"\"{file.LastModified.UtcTicks:x}-{file.Length:x}\""));
    }
}
