using System.Net.WebSockets;
using System.Text.Json;

namespace ApGrid.Server.Tests.Running;

/// <summary>graphql-transport-ws messages over a raw socket, for the tests that speak the protocol itself.</summary>
internal static class WsFrames
{
    public static Task SendAsync(ClientWebSocket socket, object message) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next whole message (however many frames it came in), within 10 seconds.</summary>
    public static async Task<JsonElement> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var message = new MemoryStream();
        var buffer = new byte[64 * 1024];
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
    }

    /// <summary>A socket at <paramref name="uri"/> past connection_ack for <paramref name="token"/>.</summary>
    public static async Task<ClientWebSocket> AcknowledgedAsync(Uri uri, string token)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(uri, CancellationToken.None);
        await SendAsync(socket, new { type = "connection_init", payload = new { token } });
        Assert.Equal("connection_ack", (await ReceiveAsync(socket)).GetProperty("type").GetString());
        return socket;
    }

    /// <summary>Runs one query as operation <paramref name="id"/>: "complete" when it ran to its end, else its first error's code.</summary>
    public static async Task<string> OperationAsync(ClientWebSocket socket, string id, string query = "{ viewer { tenant } }")
    {
        await SendAsync(socket, new { id, type = "subscribe", payload = new { query } });
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
}
