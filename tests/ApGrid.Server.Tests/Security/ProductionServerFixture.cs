using ApGrid.Server.Tests.Api;

namespace ApGrid.Server.Tests.Security;

/// <summary>One Production-mode server for the class: nothing but storage, ports, a partner's API key and the settings named here.</summary>
public sealed class ProductionServerFixture : IAsyncLifetime
{
    public const string OperatorKey = "operator-key-0123456789abcdef";
    public const string PublicUrl = "https://apgrid.la901.example";
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "apgrid-prod-" + Guid.NewGuid().ToString("N"));
    private Running.ServerProcess server = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>What /health/ready answered an anonymous poll.</summary>
    public string ReadyBody { get; private set; } = "";

    public async Task InitializeAsync()
    {
        server = new Running.ServerProcess(dataDirectory, new Dictionary<string, string>
        {
            ["ApiKeys:dashboard:Hash"] = ApGrid.Auth.ApiKeyValidator.HashOf(RunningServerFixture.PartnerApiKey),
            ["ApiKeys:dashboard:Tenant"] = "902",
            ["Operations:HealthKey"] = OperatorKey,
            ["Rest:PublicUrl"] = PublicUrl,
            // Asked for, and still not seeded outside Development.
            ["DemoData:Enabled"] = "true",
        }, environment: "Production");
        server.Start();
        ReadyBody = (await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(90))).Body;
        Http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await server.DisposeAsync();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }
}
