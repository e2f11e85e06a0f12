using System.Net.Http.Json;
using System.Text.Json;
using ApGrid.Server.Tests.Api;

namespace ApGrid.Server.Tests.Security;

/// <summary>An `all` server of its own with a small per-tenant limit (6 a minute) and no demo data, so counting is exact.</summary>
public sealed class SmallRateLimitFixture : IAsyncLifetime
{
    public const int TenantLimit = 6;
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "apgrid-rate-" + Guid.NewGuid().ToString("N"));
    private Running.ServerProcess server = null!;

    public HttpClient Http { get; private set; } = null!;

    public Uri WebSocketUri => new($"ws://127.0.0.1:{server.HttpPort}/graphql");

    public async Task InitializeAsync()
    {
        server = new Running.ServerProcess(dataDirectory, new Dictionary<string, string>
        {
            ["Auth:SigningKey"] = RunningServerFixture.SigningKey,
            ["DemoData:Enabled"] = "false",
            ["RateLimits:PerTenant:PermitLimit"] = TenantLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:PerTenant:Window"] = "00:01:00",
        });
        server.Start();
        await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        Http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task<string> TokenAsync(string tenant, string role)
    {
        using var response = await Http.PostAsJsonAsync("/dev/token", new { tenant, role });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await server.DisposeAsync();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }
}
