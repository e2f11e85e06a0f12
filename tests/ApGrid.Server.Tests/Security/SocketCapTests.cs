using System.Net.WebSockets;
using System.Text.Json;
using ApGrid.Server.Tests.Api;

namespace ApGrid.Server.Tests.Security;

/// <summary>
/// One caller holds at most `GraphQL:WebSocket:MaxSocketsPerCaller` (20) sockets: the next
/// connection_init closes with 4429, and a place is free again once a socket closes. The caller is a
/// school no other test acts for, so the collection's own sockets do not count.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class SocketCapTests(RunningServerFixture server)
{
    private const int Cap = 20;

    [Fact]
    public async Task A_caller_past_its_socket_cap_is_closed_with_4429_until_one_of_its_sockets_closes()
    {
        var token = await server.TokenAsync("902", "SCHOOL_STAFF", $"99{Random.Shared.Next(1000, 9999)}");
        var sockets = new List<ClientWebSocket>();
        try
        {
            for (var i = 0; i < Cap; i++)
            {
                var (socket, answer) = await InitAsync(token);
                sockets.Add(socket);
                Assert.Equal("connection_ack", answer);
            }

            var (over, refused) = await InitAsync(token);
            sockets.Add(over);
            Assert.Equal("close 4429", refused);

            await sockets[0].CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
            string again = "";
            for (var attempt = 0; attempt < 20 && again != "connection_ack"; attempt++)
            {
                // The server frees the place as it finishes with the closed socket.
                await Task.Delay(100);
                var (retry, answer) = await InitAsync(token);
                sockets.Add(retry);
                again = answer;
            }

            Assert.Equal("connection_ack", again);
        }
        finally
        {
            foreach (var socket in sockets) socket.Dispose();
        }
    }

    private async Task<(ClientWebSocket Socket, string Answer)> InitAsync(string token)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(server.WebSocketUri, CancellationToken.None);
        await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(new { type = "connection_init", payload = new { token } }), WebSocketMessageType.Text, true, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[4096];
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        return (socket, result.MessageType == WebSocketMessageType.Close
            ? $"close {(int?)socket.CloseStatus}"
            : JsonDocument.Parse(buffer.AsMemory(0, result.Count)).RootElement.GetProperty("type").GetString()!);
    }
}
