using ApGrid.TestSupport;
using System.Net.Http.Json;
using System.Text.Json;
using ApGrid.Server.Tests.Running;
using Npgsql;

namespace ApGrid.Server.Tests.Cluster;

/// <summary>
/// Three node processes and one gateway on loopback, clustered through a PostgreSQL server of the
/// fixture's own: the deployment docs/operations.md describes, on one machine.
/// </summary>
public sealed class ThreeNodeCluster : IAsyncLifetime
{
    public const string SigningKey = "three-node-cluster-signing-key-0123456789-0123456789";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "apgrid-3n-" + Guid.NewGuid().ToString("N"));

    internal PrivatePostgres Postgres { get; private set; } = null!;

    internal List<ServerProcess> Nodes { get; } = [];

    internal ServerProcess Gateway { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var install = NodeScripts.EnsureInstalledAsync();
        Postgres = await PrivatePostgres.StartAsync();
        await install;
        for (var i = 0; i < 3; i++) Nodes.Add(NewNode(i));

        // The first node seeds the demo tenants; the others join once it is ready.
        Nodes[0].Start();
        await Nodes[0].WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        Nodes[1].Start();
        Nodes[2].Start();
        await Task.WhenAll(Nodes[1].WaitUntilReadyAsync(TimeSpan.FromSeconds(120)), Nodes[2].WaitUntilReadyAsync(TimeSpan.FromSeconds(120)));

        var gatewaySettings = new Dictionary<string, string> { ["Server:Role"] = "gateway", ["Auth:SigningKey"] = SigningKey };
        for (var i = 0; i < Nodes.Count; i++) gatewaySettings[$"Gateway:Destinations:{i}"] = Nodes[i].NodeHttp2Url;
        Gateway = new ServerProcess(Path.Combine(dataDirectory, "gateway"), gatewaySettings);
        Gateway.Start();
        await Gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        Http = new HttpClient { BaseAddress = Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (Gateway is not null) await Gateway.DisposeAsync();
        foreach (var node in Nodes) await node.DisposeAsync();
        if (Postgres is not null) await Postgres.DisposeAsync();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    /// <summary>kill -9 of node i, and a fresh process in its place on the same ports later.</summary>
    internal async Task KillAsync(int i) => await Nodes[i].KillAsync();

    internal async Task RestartAsync(int i)
    {
        await Nodes[i].DisposeAsync();
        Nodes[i] = NewNode(i);
        Nodes[i].Start();
        await Nodes[i].WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
    }

    /// <summary>Silos the membership table holds as active (Orleans SiloStatus.Active = 3).</summary>
    internal async Task<int> ActiveMembersAsync()
    {
        // Unpooled: a pooled connection from before a PostgreSQL restart would fail on first use.
        await using var connection = new NpgsqlConnection(Postgres.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM OrleansMembershipTable WHERE Status = 3", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<string> TokenAsync(string tenant, string role, string? urn = null)
    {
        using var response = await Http.PostAsJsonAsync("/dev/token", new { tenant, role, urn });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private ServerProcess NewNode(int i) => new(Path.Combine(dataDirectory, "node" + i), new Dictionary<string, string>
    {
        ["Server:Role"] = "node",
        ["Storage:Provider"] = "postgres",
        ["Storage:ConnectionString"] = Postgres.ConnectionString,
        ["Auth:SigningKey"] = SigningKey,
    });
}
