using ApGrid.TestSupport;
using System.Net.Http.Json;
using System.Text.Json;
using ApGrid.Server.Tests.Running;
using ApGrid.Server.Tests.Storage;

namespace ApGrid.Server.Tests.Gateway;

/// <summary>
/// Two node processes on one fresh PostgreSQL database (an Orleans cluster through the membership
/// table) behind one gateway process: the deployment a cluster runs, on one machine.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string SigningKey = "cluster-tests-signing-key-0123456789-0123456789";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "apgrid-cluster-" + Guid.NewGuid().ToString("N"));
    private string connectionString = "";

    internal ServerProcess NodeA { get; private set; } = null!;

    internal ServerProcess NodeB { get; private set; } = null!;

    internal ServerProcess Gateway { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public Uri WebSocketUri => new($"ws://127.0.0.1:{Gateway.HttpPort}/graphql");

    public async Task InitializeAsync()
    {
        connectionString = await TestPostgres.CreateDatabaseAsync("apgrid_t_");
        NodeA = Node("a");
        NodeB = Node("b");

        // One after the other: the first seeds the demo tenants, the second finds them seeded.
        NodeA.Start();
        var install = NodeScripts.EnsureInstalledAsync();
        var (_, first) = await NodeA.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        NodeB.Start();
        var (_, second) = await NodeB.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));

        Gateway = new ServerProcess(Path.Combine(dataDirectory, "gateway"), new Dictionary<string, string>
        {
            ["Server:Role"] = "gateway",
            ["Gateway:Destinations:0"] = NodeA.NodeHttp2Url,
            ["Gateway:Destinations:1"] = NodeB.NodeHttp2Url,
            ["Auth:SigningKey"] = SigningKey,
        });
        Gateway.Start();
        var (_, gateway) = await Gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        await install;
        Http = new HttpClient { BaseAddress = Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        Console.WriteLine($"cluster ready: node a {first.TotalSeconds:F1} s, node b {second.TotalSeconds:F1} s, gateway {gateway.TotalSeconds:F1} s");
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        foreach (var process in new[] { Gateway, NodeB, NodeA })
        {
            if (process is not null) await process.DisposeAsync();
        }

        if (connectionString.Length > 0) await TestPostgres.DropDatabaseAsync(connectionString);
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    public async Task<string> TokenAsync(string tenant, string role, string? urn = null)
    {
        using var response = await Http.PostAsJsonAsync("/dev/token", new { tenant, role, urn });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private ServerProcess Node(string name) => new(Path.Combine(dataDirectory, name), new Dictionary<string, string>
    {
        ["Server:Role"] = "node",
        ["Storage:Provider"] = "postgres",
        ["Storage:ConnectionString"] = connectionString,
        ["Auth:SigningKey"] = SigningKey,
    });
}
