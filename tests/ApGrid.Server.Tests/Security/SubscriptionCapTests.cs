using System.Net.WebSockets;
using System.Text.Json;
using ApGrid.Server.Tests.Api;
using static ApGrid.Server.Tests.Running.WsFrames;

namespace ApGrid.Server.Tests.Security;

/// <summary>
/// One caller holds at most `GraphQL:WebSocket:MaxSubscriptionsPerCaller` (200) operations open
/// across all their sockets: the next subscribe gets LIMIT_EXCEEDED, and a place is free again once
/// one of theirs completes (on the same socket here, so that the order is the socket's own). The caller is a school no other test acts for.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class SubscriptionCapTests(RunningServerFixture server)
{
    private const int Cap = 200;
    private const int PerSocket = 100;

    [Fact]
    public async Task A_caller_past_its_subscription_cap_across_sockets_is_refused_until_one_completes()
    {
        var token = await server.TokenAsync("902", "SCHOOL_STAFF", $"98{Random.Shared.Next(1000, 9999)}");
        var sockets = new List<ClientWebSocket>();
        try
        {
            for (var i = 0; i < 3; i++) sockets.Add(await ConnectAsync(token));

            // 100 on the first socket, 99 on the second, one on the third: no socket is at its own cap of 100.
            for (var i = 0; i < Cap - 1; i++) await SubscribeAsync(sockets[i / PerSocket], $"s{i}");
            await SubscribeAsync(sockets[2], "last");

            // Each socket reads its frames in order: its pong means every subscribe before it was counted.
            foreach (var socket in sockets) await PingAsync(socket);

            await SubscribeAsync(sockets[2], "over");
            var refused = await NextErrorAsync(sockets[2]);
            Assert.Equal("over", refused.GetProperty("id").GetString());
            Assert.Equal("LIMIT_EXCEEDED", refused.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());

            // One of the caller's subscriptions ends: its place is free for the next, and only one place.
            await SendAsync(sockets[2], new { id = "last", type = "complete" });
            await SubscribeAsync(sockets[2], "again");
            await SubscribeAsync(sockets[2], "over-again");
            Assert.Equal("over-again", (await NextErrorAsync(sockets[2])).GetProperty("id").GetString());
        }
        finally
        {
            foreach (var socket in sockets) socket.Dispose();
        }
    }

    private Task<ClientWebSocket> ConnectAsync(string token) => AcknowledgedAsync(server.WebSocketUri, token);

    private static async Task PingAsync(ClientWebSocket socket)
    {
        await SendAsync(socket, new { type = "ping" });
        while ((await ReceiveAsync(socket)).GetProperty("type").GetString() != "pong")
        {
        }
    }

    private static Task SubscribeAsync(ClientWebSocket socket, string id) =>
        SendAsync(socket, new { id, type = "subscribe", payload = new { query = "subscription { capacityChanged { urn } }" } });

    /// <summary>The next error on the socket; a cap check answers in the order subscribes arrive, so an earlier refusal would come first.</summary>
    private static async Task<JsonElement> NextErrorAsync(ClientWebSocket socket)
    {
        while (true)
        {
            var message = await ReceiveAsync(socket);
            if (message.GetProperty("type").GetString() == "error") return message;
        }
    }
}
