using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using static ApGrid.Server.Tests.Running.WsFrames;

namespace ApGrid.Server.Tests.Api;

/// <summary>The graphql-transport-ws rules a conforming client never breaks, checked with a bare WebSocket.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class WebSocketProtocolTests(RunningServerFixture server)
{
    [Fact]
    public async Task A_bad_token_in_connection_init_closes_with_4403()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, new { type = "connection_init", payload = new { token = "not-a-token" } });

        Assert.Equal(4403, await ClosedWithAsync(socket));
    }

    [Fact]
    public async Task A_connection_init_payload_that_is_not_an_object_closes_with_4400()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, new { type = "connection_init", payload = "a token" });

        Assert.Equal(4400, await ClosedWithAsync(socket));
    }

    [Fact]
    public async Task Subscribe_before_the_ack_closes_with_4401()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query = "{ viewer { tenant } }" } });

        Assert.Equal(4401, await ClosedWithAsync(socket));
    }

    [Fact]
    public async Task A_second_connection_init_closes_with_4429()
    {
        using var socket = await AcknowledgedAsync();
        await SendAsync(socket, new { type = "connection_init", payload = new { token = await server.TokenAsync("901", "PARTNER") } });

        Assert.Equal(4429, await ClosedWithAsync(socket));
    }

    [Fact]
    public async Task A_message_that_is_not_the_protocol_closes_with_4400()
    {
        using var socket = await AcknowledgedAsync();
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"type\":\"shout\"}"), WebSocketMessageType.Text, true, CancellationToken.None);

        Assert.Equal(4400, await ClosedWithAsync(socket));
    }

    [Fact]
    public async Task A_duplicate_subscription_id_closes_with_4409()
    {
        using var socket = await AcknowledgedAsync();
        var subscribe = new { id = "same", type = "subscribe", payload = new { query = "subscription { changes { cursor } }" } };
        await SendAsync(socket, subscribe);
        await SendAsync(socket, subscribe);

        Assert.Equal(4409, await ClosedWithAsync(socket));
    }

    [Fact]
    public async Task Ping_is_answered_with_pong_and_many_operations_share_a_socket()
    {
        using var socket = await AcknowledgedAsync();
        await SendAsync(socket, new { type = "ping", payload = new { n = 7 } });
        Assert.Equal("pong", (await ReceiveAsync(socket)).GetProperty("type").GetString());

        await SendAsync(socket, new { id = "s1", type = "subscribe", payload = new { query = "subscription { changes { cursor } }" } });
        await SendAsync(socket, new { id = "q1", type = "subscribe", payload = new { query = "{ viewer { tenant role } }" } });
        await SendAsync(socket, new { id = "q2", type = "subscribe", payload = new { query = "{ nope }" } });
        var byId = new Dictionary<string, List<string>>();
        while (byId.GetValueOrDefault("q1")?.Contains("complete") != true || !byId.ContainsKey("q2"))
        {
            var message = await ReceiveAsync(socket);
            if (!message.TryGetProperty("id", out var id)) continue;
            byId.TryAdd(id.GetString()!, []);
            byId[id.GetString()!].Add(message.GetProperty("type").GetString()!);
        }

        Assert.Equal(["next", "complete"], byId["q1"]);
        Assert.Equal(["error"], byId["q2"]);
        await SendAsync(socket, new { id = "s1", type = "complete" });
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        Assert.Equal(WebSocketState.Closed, socket.State);
    }

    [Fact]
    public async Task Pings_and_new_subscribes_are_served_while_a_slow_operation_runs_on_the_same_socket()
    {
        // The operation is held until a later message on this same socket releases it: were the read
        // loop waiting on the operation, neither the pings nor the release would ever be read.
        var hold = Guid.NewGuid().ToString("N");
        using var socket = await AcknowledgedAsync();
        await SendAsync(socket, new { id = "slow", type = "subscribe", payload = new { query = "{ viewer { tenant } }", extensions = new { devHold = hold } } });

        for (var i = 0; i < 3; i++)
        {
            await SendAsync(socket, new { type = "ping" });
            Assert.Equal("pong", (await NextAsync(socket)).GetProperty("type").GetString());
        }

        await SendAsync(socket, new { id = "quick", type = "subscribe", payload = new { query = "{ viewer { role } }" } });
        Assert.Equal(["next", "complete"], (await UntilCompleteAsync(socket, "quick"))["quick"].Select(m => m.GetProperty("type").GetString()));

        await SendAsync(socket, new { id = "release", type = "subscribe", payload = new { query = "{ __typename }", extensions = new { devRelease = hold } } });
        var byId = await UntilCompleteAsync(socket, "slow", "release");

        Assert.Equal(["next", "complete"], byId["slow"].Select(m => m.GetProperty("type").GetString()));
        Assert.Equal("901", byId["slow"][0].GetProperty("payload").GetProperty("data").GetProperty("viewer").GetProperty("tenant").GetString());
    }

    [Fact]
    public async Task A_failing_set_up_sends_error_for_its_id_and_the_socket_serves_the_next_subscribe()
    {
        using var socket = await AcknowledgedAsync();
        await SendAsync(socket, new { id = "op", type = "subscribe", payload = new { query = "{ viewer { tenant } }", extensions = new { devFail = true } } });

        var error = await NextAsync(socket);
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("op", error.GetProperty("id").GetString());
        Assert.Equal("INTERNAL", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());

        // The same id again: the failed operation gave it back, and the socket is still open.
        await SendAsync(socket, new { id = "op", type = "subscribe", payload = new { query = "{ viewer { tenant } }" } });
        var byId = await UntilCompleteAsync(socket, "op");
        Assert.Equal(["next", "complete"], byId["op"].Select(m => m.GetProperty("type").GetString()));
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task A_complete_sent_while_the_operation_is_still_starting_is_honoured()
    {
        // A replaying subscription, held before it starts, completed by the client, then released:
        // nothing may come for its id, neither the replay's events nor a complete echoed back.
        var hold = Guid.NewGuid().ToString("N");
        using var socket = await AcknowledgedAsync();
        await SendAsync(socket, new { id = "feed", type = "subscribe", payload = new { query = "subscription { changes(after: \"000000000000\") { cursor } }", extensions = new { devHold = hold } } });
        await SendAsync(socket, new { id = "feed", type = "complete" });
        await SendAsync(socket, new { id = "release", type = "subscribe", payload = new { query = "{ __typename }", extensions = new { devRelease = hold } } });

        var byId = await UntilCompleteAsync(socket, "release");
        await SendAsync(socket, new { type = "ping" });
        var afterwards = new List<JsonElement>();
        while (true)
        {
            var message = await NextAsync(socket);
            if (message.GetProperty("type").GetString() == "pong") break;
            afterwards.Add(message);
        }

        // And a moment more, for anything the released operation might still send.
        using (var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            var buffer = new byte[64 * 1024];
            try
            {
                var result = await socket.ReceiveAsync(buffer, quiet.Token);
                var late = JsonDocument.Parse(buffer.AsMemory(0, result.Count)).RootElement.Clone();
                if (late.TryGetProperty("id", out _)) afterwards.Add(late);
            }
            catch (OperationCanceledException)
            {
            }
        }

        Assert.False(byId.ContainsKey("feed"), string.Join('\n', byId.GetValueOrDefault("feed") ?? []));
        Assert.Empty(afterwards);
    }

    [Fact]
    public async Task A_duplicate_id_while_the_first_operation_is_still_starting_closes_with_4409()
    {
        using var socket = await AcknowledgedAsync();
        var held = new { id = "same", type = "subscribe", payload = new { query = "{ viewer { tenant } }", extensions = new { devHold = Guid.NewGuid().ToString("N") } } };
        await SendAsync(socket, held);
        await SendAsync(socket, held);

        Assert.Equal(4409, await ClosedWithAsync(socket));
    }

    [Fact]
    public async Task No_connection_init_in_time_closes_with_4408()
    {
        using var socket = await ConnectAsync();

        // The server waits GraphQL:WebSocket:ConnectionInitTimeout (set to 2 s for these tests).
        Assert.Equal(4408, await ClosedWithAsync(socket, TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [InlineData("LA_OFFICER", true)]
    [InlineData("PARTNER", false)]
    public async Task Only_the_la_sees_change_entries_that_name_pupils(string role, bool seesPupils)
    {
        using var socket = await AcknowledgedAsync(role);
        await SendAsync(socket, new { id = "feed", type = "subscribe", payload = new { query = "subscription { changes(after: \"000000000000\") { cursor kind subjectId } }" } });

        // The replay of the demo seed comes at once; it is over when nothing arrives for three seconds.
        // The first entry may take longer on a loaded machine (the feed grain activates and reads storage).
        var kinds = new List<string>();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(kinds.Count == 0 ? 10 : 3));
            WebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(buffer, quiet.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            var message = JsonDocument.Parse(buffer.AsMemory(0, result.Count)).RootElement;
            if (message.GetProperty("type").GetString() != "next") continue;
            kinds.Add(message.GetProperty("payload").GetProperty("data").GetProperty("changes").GetProperty("kind").GetString()!);
        }

        Assert.Contains("CAPACITY", kinds);
        Assert.Equal(seesPupils, kinds.Contains("PLACEMENT"));
    }

    [Fact]
    public async Task Nested_fields_of_a_subscription_event_are_resolved_in_the_callers_tenant()
    {
        var urn = (await server.ApSettingUrnsAsync("901"))[8];
        using var socket = await AcknowledgedAsync();
        await SendAsync(socket, new { id = "cap", type = "subscribe", payload = new { query = "subscription { capacityChanged { urn placements { id } } }" } });
        var la = await server.TokenAsync("901", "LA_OFFICER");
        var setting = (await server.PostAsync(la, "query($urn: String!) { apSetting(urn: $urn) { fullTimePlaces sessions { session places } outreachHoursPerWeek } }", new { urn })).Data.GetProperty("apSetting");

        // graphql-ws acknowledges no subscription, and a change made before the server has started
        // the stream is never sent; any later one is. So change again each second until one is heard
        // (within NextAsync's ten seconds), rather than guess how long the start takes.
        var next = NextAsync(socket);
        for (var i = 1; i <= 8 && !next.IsCompleted; i++)
        {
            var changed = await server.PostAsync(la, "mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { urn } }", new
            {
                input = new
                {
                    urn,
                    fullTimePlaces = setting.GetProperty("fullTimePlaces").GetInt32() + i,
                    sessions = setting.GetProperty("sessions").EnumerateArray().Select(s => new { session = s.GetProperty("session").GetString(), places = s.GetProperty("places").GetInt32() }).ToArray(),
                    outreachHoursPerWeek = setting.GetProperty("outreachHoursPerWeek").GetDouble(),
                },
            });
            Assert.False(changed.HasErrors, changed.Body);
            await Task.WhenAny(next, Task.Delay(1000));
        }

        var message = await next;

        Assert.Equal("next", message.GetProperty("type").GetString());
        Assert.False(message.GetProperty("payload").TryGetProperty("errors", out _), message.ToString());
        Assert.Equal(urn, message.GetProperty("payload").GetProperty("data").GetProperty("capacityChanged").GetProperty("urn").GetString());
    }

    private async Task<ClientWebSocket> ConnectAsync()
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(server.WebSocketUri, CancellationToken.None);
        return socket;
    }

    private async Task<ClientWebSocket> AcknowledgedAsync(string role = "LA_OFFICER")
    {
        var socket = await ConnectAsync();
        await SendAsync(socket, new { type = "connection_init", payload = new { token = await server.TokenAsync("901", role) } });
        Assert.Equal("connection_ack", (await ReceiveAsync(socket)).GetProperty("type").GetString());
        return socket;
    }

    /// <summary>The next message but the server's own keep-alive pings, which may come at any time.</summary>
    private static async Task<JsonElement> NextAsync(ClientWebSocket socket)
    {
        while (true)
        {
            var message = await ReceiveAsync(socket);
            if (message.GetProperty("type").GetString() != "ping" || message.TryGetProperty("id", out _)) return message;
        }
    }

    /// <summary>Messages by operation id until each of <paramref name="ids"/> has ended with complete or error.</summary>
    private static async Task<Dictionary<string, List<JsonElement>>> UntilCompleteAsync(ClientWebSocket socket, params string[] ids)
    {
        var byId = new Dictionary<string, List<JsonElement>>();
        bool Ended(string id) => byId.GetValueOrDefault(id)?.Any(m => m.GetProperty("type").GetString() is "complete" or "error") == true;
        while (!ids.All(Ended))
        {
            var message = await NextAsync(socket);
            if (!message.TryGetProperty("id", out var id)) continue;
            byId.TryAdd(id.GetString()!, []);
            byId[id.GetString()!].Add(message);
        }

        return byId;
    }

    private static async Task<int> ClosedWithAsync(ClientWebSocket socket, TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? TimeSpan.FromSeconds(10));
        var buffer = new byte[4096];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close) return (int)socket.CloseStatus!.Value;
        }
    }
}
