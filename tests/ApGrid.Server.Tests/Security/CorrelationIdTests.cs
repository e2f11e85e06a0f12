using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using ApGrid.Server.Tests.Api;

namespace ApGrid.Server.Tests.Security;

/// <summary>
/// An internal error reaches the caller as INTERNAL with a correlation id and nothing more (outside
/// Development), and the server's log holds the same id with the exception. The failure is made by
/// the Development-only `devFail` request extension (DevOperationHooks).
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class CorrelationIdTests(RunningServerFixture server)
{
    [Fact]
    public async Task An_internal_error_over_http_gives_the_caller_the_id_the_log_holds()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = "{ viewer { tenant } }", extensions = new { devFail = true } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await server.TokenAsync("901", "LA_OFFICER"));
        request.Headers.Accept.ParseAdd("application/graphql-response+json");

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(500, (int)response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0].GetProperty("extensions");
        Assert.Equal("INTERNAL", error.GetProperty("code").GetString());
        await AssertLoggedAsync(error.GetProperty("correlationId").GetString()!);
    }

    [Fact]
    public async Task An_internal_error_on_a_socket_gives_the_caller_the_id_the_log_holds()
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(server.WebSocketUri, CancellationToken.None);
        await SendAsync(socket, new { type = "connection_init", payload = new { token = await server.TokenAsync("901", "LA_OFFICER") } });
        Assert.Equal("connection_ack", (await ReceiveAsync(socket)).GetProperty("type").GetString());

        await SendAsync(socket, new { id = "op", type = "subscribe", payload = new { query = "{ viewer { tenant } }", extensions = new { devFail = true } } });
        var message = await ReceiveAsync(socket);
        while (message.GetProperty("type").GetString() == "ping") message = await ReceiveAsync(socket);

        Assert.Equal("error", message.GetProperty("type").GetString());
        var error = message.GetProperty("payload")[0].GetProperty("extensions");
        Assert.Equal("INTERNAL", error.GetProperty("code").GetString());
        await AssertLoggedAsync(error.GetProperty("correlationId").GetString()!);
    }

    private async Task AssertLoggedAsync(string correlationId)
    {
        Assert.Matches("^[0-9a-f]{16}$", correlationId);
        // The console logger writes on its own thread: give it a moment.
        for (var i = 0; i < 50 && !server.ServerOutput.Contains(correlationId, StringComparison.Ordinal); i++) await Task.Delay(100);
        var output = server.ServerOutput;
        var at = output.IndexOf($"Internal error {correlationId}", StringComparison.Ordinal);
        Assert.True(at >= 0, "the log has no entry for " + correlationId);
        Assert.Contains("devFail", output[at..Math.Min(output.Length, at + 4000)], StringComparison.Ordinal);
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
