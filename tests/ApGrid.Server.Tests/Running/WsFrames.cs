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
}
