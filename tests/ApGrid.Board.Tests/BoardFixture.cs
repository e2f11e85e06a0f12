using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ApGrid.Server.Tests.Running;
using Microsoft.Playwright;

namespace ApGrid.Board.Tests;

/// <summary>
/// One real ApGrid process (Development, demo data, its board built into this output) and one headless
/// Chromium, Debian's own, shared by the board tests. Each test opens its own browser contexts, so
/// sessionStorage (the token) never leaks between them.
/// </summary>
public sealed class BoardFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "apgrid-board-" + Guid.NewGuid().ToString("N"));
    /// <summary>LA 901's first administrator, named in configuration.</summary>
    public const string Administrator = "admin@la901.test";

    private const string ProviderSecret = "board-tests-client-secret";

    private ServerProcess server = null!;
    private IPlaywright playwright = null!;

    internal OidcProvider Provider { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public Uri BaseAddress => server.BaseAddress;

    /// <summary>
    /// Where the tests write what docs/board.md shows: screenshots and measured figures. A test run
    /// leaves the clone as it found it, so they go to the test's output folder unless
    /// APGRID_UPDATE_BOARD_DOCS=1 asks for docs/board to be refreshed.
    /// </summary>
    public static string DocsDirectory { get; } = Environment.GetEnvironmentVariable("APGRID_UPDATE_BOARD_DOCS") == "1"
        ? Path.Combine(RepositoryRoot.Path, "docs", "board")
        : Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "board-docs")).FullName;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Auth:SigningKey"] = "board-tests-signing-key-0123456789-0123456789-abcdef",
            ["DevClock:Enabled"] = "true",
            ["Attendance:NotArrivedCheckPeriod"] = "00:00:02",
        };
        server = new ServerProcess(dataDirectory, settings);

        // LA 901 signs its staff in through its own provider (a real oidc-provider), as in production.
        Provider = await OidcProvider.StartAsync("RS256", "api://apgrid-901",
            ("apgrid-board", ProviderSecret, $"{server.BaseAddress.ToString().TrimEnd('/')}/auth/callback/901"));
        settings["Auth:Tenants:901:Authority"] = Provider.Issuer;
        settings["Auth:Tenants:901:Audience"] = "api://apgrid-901";
        settings["Auth:Tenants:901:ClientId"] = "apgrid-board";
        settings["Auth:Tenants:901:ClientSecret"] = ProviderSecret;
        settings["Auth:Tenants:901:RequireHttpsMetadata"] = "false";
        settings["Auth:Tenants:901:Administrators:0"] = Administrator;
        server.Start();
        var ready = server.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Root in a container has no user namespace for Chromium's sandbox.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        await ready;
        Http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Directory.CreateDirectory(DocsDirectory);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Browser.DisposeAsync();
        playwright.Dispose();
        await server.DisposeAsync();
        await Provider.DisposeAsync();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    /// <summary>A fresh browser context at 1366x768. Bypassing CSP lets the tests inject axe-core; the page itself never needs it.</summary>
    public Task<IBrowserContext> NewContextAsync() => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = server.BaseAddress.ToString(),
        ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        BypassCSP = true,
        Locale = "en-GB",
    });

    /// <summary>A page that is already signed in: the token is put where the board keeps it, before its scripts run.</summary>
    public async Task<IPage> SignedInPageAsync(string tenant, string role, string? urn = null, string view = "capacity")
    {
        var context = await NewContextAsync();
        var token = await TokenAsync(tenant, role, urn);
        await context.AddInitScriptAsync($"sessionStorage.setItem('apgrid.token', {JsonSerializer.Serialize(token)});");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/#" + view);
        await page.Locator("[data-testid=signed-in-as]").WaitForAsync();
        return page;
    }

    public async Task<string> TokenAsync(string tenant, string role, string? urn = null)
    {
        using var response = await Http.PostAsJsonAsync("/dev/token", new { tenant, role, urn });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public async Task<JsonElement> GraphQLAsync(string token, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.TryGetProperty("errors", out _), body.ToString());
        return body.GetProperty("data");
    }
}
