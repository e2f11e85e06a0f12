using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;

namespace ApGrid.Server.Tests.Security;

/// <summary>
/// WebSocket operations count against the same per-tenant window as HTTP requests: with 6 a
/// minute, 3 HTTP requests and 3 operations use it up, the next operation is refused with
/// RATE_LIMITED and the next HTTP request with 429, while another tenant is served.
/// </summary>
public sealed class WebSocketRateLimitTests(SmallRateLimitFixture server) : IClassFixture<SmallRateLimitFixture>
{
    [Fact]
    public async Task Operations_on_a_socket_and_http_requests_share_the_tenants_limit()
    {
        var busy = await server.TokenAsync("901", "LA_OFFICER");
        var other = await server.TokenAsync("902", "LA_OFFICER");
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, await PostAsync(busy));

        using var socket = await AcknowledgedAsync(busy);
        var answers = new List<string>();
        for (var i = 0; i < 4; i++) answers.Add(await OperationAsync(socket, $"op{i}"));

        Assert.Equal(["complete", "complete", "complete", "RATE_LIMITED"], answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostAsync(busy));
        using var otherSocket = await AcknowledgedAsync(other);
        Assert.Equal("complete", await OperationAsync(otherSocket, "fine"));
    }

    private async Task<HttpStatusCode> PostAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ viewer { tenant } }" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await server.Http.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<ClientWebSocket> AcknowledgedAsync(string token)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(server.WebSocketUri, CancellationToken.None);
        await SendAsync(socket, new { type = "connection_init", payload = new { token } });
        Assert.Equal("connection_ack", (await ReceiveAsync(socket)).GetProperty("type").GetString());
        return socket;
    }

    /// <summary>"complete" when the operation ran to its end, else its first error's code.</summary>
    private static async Task<string> OperationAsync(ClientWebSocket socket, string id)
    {
        await SendAsync(socket, new { id, type = "subscribe", payload = new { query = "{ viewer { tenant } }" } });
        while (true)
        {
            var message = await ReceiveAsync(socket);
            if (!message.TryGetProperty("id", out var of) || of.GetString() != id) continue;
            switch (message.GetProperty("type").GetString())
            {
                case "complete": return "complete";
                case "error": return message.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString()!;
            }
        }
    }

    private static Task SendAsync(ClientWebSocket socket, object message) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonElement> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        return JsonDocument.Parse(buffer.AsMemory(0, result.Count)).RootElement.Clone();
    }
}
