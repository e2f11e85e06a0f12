using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ApGrid.Server.Tests.Running;

namespace ApGrid.Server.Tests.Api;

/// <summary>
/// One real ApGrid process (the `all` role) with its demo data, shared by the API tests, with
/// helpers to get tokens and send GraphQL the way any HTTP client would; and, for the tests of
/// what nodes and gateways do to each other, a `node` role process started on first use.
/// </summary>
public class RunningServerFixture : IAsyncLifetime
{
    public const string SigningKey = "api-tests-signing-key-0123456789-0123456789-abcdef";

    /// <summary>A partner system's API key for tenant 902; configuration holds only its SHA-256.</summary>
    public const string PartnerApiKey = "partner-902-test-key-3f0c9a1e7b5d";

    /// <summary>Refused credentials one source may present in the failure window (ApiKeysLimits).</summary>
    public const int MaxFailuresPerSource = 60;

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "apgrid-api-" + Guid.NewGuid().ToString("N"));
    private readonly string nodeDataDirectory = Path.Combine(Path.GetTempPath(), "apgrid-node-" + Guid.NewGuid().ToString("N"));
    private readonly Lazy<Task<ServerProcess>> node;
    private ServerProcess server = null!;

    public RunningServerFixture() => node = new(StartNodeAsync);

    public const long GiasMaxUploadBytes = 1024 * 1024;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The Orleans gateway port, for commands that run as clients of the server's cluster.</summary>
    internal int GatewayPort => server.GatewayPort;

    /// <summary>Runs the server executable as a command (`import gias`, `export …`) against this server's cluster.</summary>
    internal async Task<(int ExitCode, string Output, string Errors)> RunCommandAsync(params string[] args)
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ApGrid.Server.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.ArgumentList.Add("--Orleans:GatewayPort");
        info.ArgumentList.Add(GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>Settings a derived fixture adds to the server's configuration.</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>();

    public Uri GraphQLUri => new(server.BaseAddress, "/graphql");

    public Uri WebSocketUri => new($"ws://127.0.0.1:{server.HttpPort}/graphql");

    /// <summary>What the server has written to its console so far (its log).</summary>
    public string ServerOutput => server.Output;

    /// <summary>CPU time the server process has used so far.</summary>
    public TimeSpan ServerProcessorTime => server.ProcessorTime;

    /// <summary>The public (gateway) address every test talks to.</summary>
    public Uri BaseAddress => server.BaseAddress;

    /// <summary>
    /// A `node` role process of its own (its own SQLite file and demo data, the same keys), for
    /// tests that put a gateway process in front of a node or bypass the gateway on purpose: the
    /// `all` role has no node port. Started by the first test that asks, since it costs a silo.
    /// </summary>
    internal Task<ServerProcess> NodeAsync() => node.Value;

    public async Task InitializeAsync()
    {
        server = new ServerProcess(dataDirectory, new Dictionary<string, string>(ExtraSettings)
        {
            ["Auth:SigningKey"] = SigningKey,
            ["GraphQL:Limits:MaxRequestBodyBytes"] = "262144",
            ["GraphQL:WebSocket:ConnectionInitTimeout"] = "00:00:02",
            ["DevClock:Enabled"] = "true",
            ["DevOperationHooks:Enabled"] = "true",
            ["Ehcp:OverdueCheckPeriod"] = "00:00:02",
            ["Attendance:NotArrivedCheckPeriod"] = "00:00:02",
            ["Exclusions:DutyCheckPeriod"] = "00:00:02",
            ["Assurance:AlertCheckPeriod"] = "00:00:02",

            // Tests move this clock on by years: the demo's non-school providers stay approved
            // meanwhile, so tests placing pupils anywhere are not refused by a lapse. The rules on
            // lapses are tested with their own dates (ProviderAssuranceTests).
            ["Assurance:ApprovalMonths"] = "240",
            ["Assurance:VettingValidMonths"] = "240",
            ["Assurance:VisitValidMonths"] = "240",
            ["Operations:Dashboard:Enabled"] = "true",
            ["ApiKeys:dashboard:Hash"] = ApGrid.Auth.ApiKeyValidator.HashOf(PartnerApiKey),
            ["ApiKeys:dashboard:Tenant"] = "902",

            // Every refused token counts against its source: the tests' own refusals from 127.0.0.1
            // must not block the rest of the collection. AuthenticationFailureLimitTests uses addresses of its own.
            ["ApiKeysLimits:MaxFailuresPerSource"] = MaxFailuresPerSource.ToString(System.Globalization.CultureInfo.InvariantCulture),

            // Small enough that a test can go over it (GiasImportTests).
            ["Gias:MaxUploadBytes"] = GiasMaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        server.Start();
        await Task.WhenAll(server.WaitUntilReadyAsync(TimeSpan.FromSeconds(90)), NodeScripts.EnsureInstalledAsync());
        Http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await server.DisposeAsync();
        if (node.IsValueCreated) await (await node.Value).DisposeAsync();
        foreach (var directory in new[] { dataDirectory, nodeDataDirectory })
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    private async Task<ServerProcess> StartNodeAsync()
    {
        var started = new ServerProcess(nodeDataDirectory, new Dictionary<string, string>
        {
            ["Server:Role"] = "node",
            ["Auth:SigningKey"] = SigningKey,
            ["Operations:Dashboard:Enabled"] = "true",
            ["ApiKeys:dashboard:Hash"] = ApGrid.Auth.ApiKeyValidator.HashOf(PartnerApiKey),
            ["ApiKeys:dashboard:Tenant"] = "902",
        });
        started.Start();
        await started.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        return started;
    }

    public async Task<string> TokenAsync(string tenant, string role, string? urn = null)
    {
        using var response = await Http.PostAsJsonAsync("/dev/token", new { tenant, role, urn });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public async Task<GraphQLResponse> PostAsync(string? token, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse((int)response.StatusCode, JsonDocument.Parse(body).RootElement.Clone(), body);
    }

    /// <summary>The URNs of the demo tenant's AP settings, as the LA sees them.</summary>
    public async Task<IReadOnlyList<string>> ApSettingUrnsAsync(string tenant)
    {
        var la = await TokenAsync(tenant, "LA_OFFICER");
        var response = await PostAsync(la, "{ localAuthority { apSettings { urn } } }");
        return [.. response.Data.GetProperty("localAuthority").GetProperty("apSettings").EnumerateArray().Select(s => s.GetProperty("urn").GetString()!)];
    }
}
