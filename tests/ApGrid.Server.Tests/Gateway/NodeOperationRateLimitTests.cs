using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ApGrid.Server.Tests.Api;
using ApGrid.Server.Tests.Running;

namespace ApGrid.Server.Tests.Gateway;

/// <summary>
/// A gateway and a node in separate processes: the gateway sees one upgrade request for a socket,
/// so the node counts each operation on it. The node has a small per-tenant window (6 a minute),
/// the gateway its generous default; the seventh operation through the gateway is refused.
/// </summary>
public sealed class NodeOperationRateLimitTests : IAsyncLifetime
{
    private const int TenantLimit = 6;
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "apgrid-noderate-" + Guid.NewGuid().ToString("N"));
    private ServerProcess node = null!;
    private ServerProcess gateway = null!;

    public async Task InitializeAsync()
    {
        node = new ServerProcess(Path.Combine(dataDirectory, "node"), new Dictionary<string, string>
        {
            ["Server:Role"] = "node",
            ["Auth:SigningKey"] = RunningServerFixture.SigningKey,
            ["DemoData:Enabled"] = "false",
            ["RateLimits:PerTenant:PermitLimit"] = TenantLimit.ToString(CultureInfo.InvariantCulture),
            ["RateLimits:PerTenant:Window"] = "00:01:00",
        });
        node.Start();
        await node.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        gateway = new ServerProcess(Path.Combine(dataDirectory, "gateway"), new Dictionary<string, string>
        {
            ["Server:Role"] = "gateway",
            ["Gateway:Destinations:0"] = node.NodeHttp2Url,
            ["Auth:SigningKey"] = RunningServerFixture.SigningKey,
        });
        gateway.Start();
        await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        await node.DisposeAsync();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Operations_on_a_socket_through_a_gateway_count_against_the_tenants_window_at_the_node()
    {
        var busy = await TokenAsync("901");
        var other = await TokenAsync("902");

        using var socket = await WsFrames.AcknowledgedAsync(new Uri($"ws://127.0.0.1:{gateway.HttpPort}/graphql"), busy);
        var answers = new List<string>();
        for (var i = 0; i <= TenantLimit; i++) answers.Add(await WsFrames.OperationAsync(socket, $"op{i}"));

        Assert.Equal([.. Enumerable.Repeat("complete", TenantLimit), "RATE_LIMITED"], answers);
        using var otherSocket = await WsFrames.AcknowledgedAsync(new Uri($"ws://127.0.0.1:{gateway.HttpPort}/graphql"), other);
        Assert.Equal("complete", await WsFrames.OperationAsync(otherSocket, "fine"));
    }

    /// <summary>From the node's /dev/token: the node limits operations, not plain HTTP requests.</summary>
    private async Task<string> TokenAsync(string tenant)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        using var response = await http.PostAsJsonAsync("/dev/token", new { tenant, role = "LA_OFFICER", urn = (string?)null });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }
}
