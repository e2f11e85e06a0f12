using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ApGrid.Server.Tests.Api;
using ApGrid.Server.Tests.Running;

namespace ApGrid.Server.Tests.Gateway;

/// <summary>
/// How gateways reach nodes (the shared `node` process here): HTTP/2 without TLS on the node's
/// Node:Http2Url by default (every gateway process in the tests goes that way), or HTTP/1.1 to the
/// node's own URL when a gateway is set to Http1.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class NodeProtocolTests(RunningServerFixture server)
{
    [Fact]
    public async Task The_node_speaks_only_http2_on_its_gateway_address_and_http1_on_its_own()
    {
        using var http = new HttpClient();
        var node = await server.NodeAsync();

        using var onHttp2 = await SendAsync(http, new Uri(node.NodeHttp2Url + "/health/ready"), HttpVersion.Version20);
        using var onHttp1 = await SendAsync(http, new Uri(node.BaseAddress, "/health/ready"), HttpVersion.Version11);

        Assert.Equal((HttpStatusCode.OK, HttpVersion.Version20), (onHttp2.StatusCode, onHttp2.Version));
        Assert.Equal((HttpStatusCode.OK, HttpVersion.Version11), (onHttp1.StatusCode, onHttp1.Version));
        Assert.False(await AnswersAsync(http, new Uri(node.NodeHttp2Url + "/health/ready"), HttpVersion.Version11));
        Assert.False(await AnswersAsync(http, new Uri(node.BaseAddress, "/health/ready"), HttpVersion.Version20));
    }

    [Fact]
    public async Task A_gateway_set_to_http1_serves_queries_and_subscriptions_from_the_nodes_own_url()
    {
        await using var gateway = await StartGatewayToTheNodesOwnUrlAsync(("Gateway:NodeProtocol", "Http1"));
        await gateway.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var la = await server.TokenAsync("901", "LA_OFFICER");
        var urn = (await server.ApSettingUrnsAsync("901"))[7];
        using var subscriber = SubscriberProcess.Start(new Uri($"ws://127.0.0.1:{gateway.HttpPort}/graphql"), await server.TokenAsync("901", "PARTNER"),
            "subscription($after: String) { changes(kinds: [CAPACITY], after: $after) { cursor kind subjectId } }", 1, "-", TimeSpan.FromSeconds(30));
        await subscriber.WaitForAsync(e => e.Any(x => SubscriberProcess.Is(x, "connected")), TimeSpan.FromSeconds(20));

        // The subscription is registered a moment after the ack, so keep changing until one arrives.
        for (var places = 20; places < 35 && subscriber.Changes.Count == 0; places++)
        {
            var body = await PostAsync(http, la, GatewayQueries.SetAvailability, new { urn, places });
            Assert.False(body.TryGetProperty("errors", out _), body.GetRawText());
            await Task.Delay(500);
        }

        await subscriber.WaitForAsync(_ => subscriber.Changes.Count > 0, TimeSpan.FromSeconds(10));
        Assert.Equal(urn, subscriber.Changes[0].GetProperty("changes").GetProperty("subjectId").GetString());

        // Seconds of traffic later, the gateway's probes have judged the node too.
        var health = await http.GetFromJsonAsync<JsonElement>(new Uri("/health/gateway", UriKind.Relative));
        Assert.Equal("Http1", health.GetProperty("nodeProtocol").GetString());
        Assert.Equal("Healthy", health.GetProperty("destinations")[0].GetProperty("active").GetString());
        DeleteDataDirectory(gateway);
    }

    [Fact]
    public async Task A_gateway_speaking_http2_to_a_nodes_http1_address_says_so_on_its_health_page()
    {
        await using var gateway = await StartGatewayToTheNodesOwnUrlAsync();
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        // The first probe runs about when the gateway starts; wait until it has judged the node.
        JsonElement health = default;
        for (var attempt = 0; attempt < 60; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/health/gateway", UriKind.Relative));
                health = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable && health.GetProperty("destinations")[0].GetProperty("active").GetString() == "Unhealthy") break;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        Assert.Equal("Unhealthy", health.GetProperty("status").GetString());
        Assert.Equal("Http2", health.GetProperty("nodeProtocol").GetString());
        Assert.Contains("Node:Http2Url", health.GetProperty("hint").GetString(), StringComparison.Ordinal);
        DeleteDataDirectory(gateway);
    }

    /// <summary>A gateway process of its own, pointed at the shared node's HTTP/1.1 address (its Urls).</summary>
    private async Task<ServerProcess> StartGatewayToTheNodesOwnUrlAsync(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Server:Role"] = "gateway",
            ["Gateway:Destinations:0"] = (await server.NodeAsync()).BaseAddress.ToString().TrimEnd('/'),
            ["Auth:SigningKey"] = RunningServerFixture.SigningKey,
        };
        foreach (var (key, value) in extra) settings[key] = value;
        var gateway = new ServerProcess(Path.Combine(Path.GetTempPath(), "apgrid-gw-" + Guid.NewGuid().ToString("N")), settings);
        gateway.Start();
        return gateway;
    }

    private static void DeleteDataDirectory(ServerProcess gateway)
    {
        try { Directory.Delete(gateway.DataDirectory, recursive: true); } catch (IOException) { }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, Uri uri, Version version) =>
        await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, uri) { Version = version, VersionPolicy = HttpVersionPolicy.RequestVersionExact });

    private static async Task<bool> AnswersAsync(HttpClient http, Uri uri, Version version)
    {
        try
        {
            using var response = await SendAsync(http, uri, version);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string token, string query, object variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
