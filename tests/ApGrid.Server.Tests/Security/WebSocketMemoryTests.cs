using System.Linq;
using System.Net.WebSockets;
using System.Text.Json;
using ApGrid.Server.Tests.Api;
using static ApGrid.Server.Tests.Running.WsFrames;

namespace ApGrid.Server.Tests.Security;

/// <summary>
/// A client that stops reading cannot make the server hold more than
/// `GraphQL:WebSocket:MaxQueuedBytes` (4 MiB) for it: past that the socket is cut off and what was
/// queued is let go. Measured as the managed memory the node holds after a full collection
/// (GET /dev/memory), while about 40 MB of answers are owed to a client that reads none of them.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class WebSocketMemoryTests(RunningServerFixture server)
{
    private const long CapBytes = 4 * 1024 * 1024;

    // What else a node allocates and keeps meanwhile (caches, grain activations) stays well under this.
    private const long AllowanceBytes = 8 * 1024 * 1024;

    [Fact]
    public async Task A_client_that_stops_reading_is_cut_off_and_the_node_keeps_no_more_than_the_byte_cap()
    {
        // About 130 KB each: sixty schools, twenty times over.
        var query = "{ localAuthority { " + string.Join(' ', Enumerable.Range(0, 20).Select(i => $"a{i}: schools {{ urn name }}")) + " } }";
        var token = await server.TokenAsync("902", "LA_OFFICER");

        // The same answers to a client that reads them all first, in the same rounds: what serving
        // them keeps anyway (pools, caches, activations) is in the baseline, and only what the stalled
        // client costs is measured. A round (2.6 MB) fits under the cap, so the reader is never cut off.
        using (var reader = await ConnectAsync(token))
        {
            for (var round = 0; round < 8; round++)
            {
                var ended = EndedAsync(reader, Round);
                await AskAsync(reader, query, round);
                await ended;
            }
        }

        var before = await HeldBytesAsync();
        using var socket = await ConnectAsync(token);
        var cutOff = false;
        for (var round = 0; round < Rounds && !cutOff; round++)
        {
            try
            {
                await AskAsync(socket, query, round);
            }
            catch (WebSocketException)
            {
                // The server has cut the socket off: nothing more can be asked.
                cutOff = true;
            }

            await Task.Delay(400);
        }

        await Task.Delay(2000);
        var held = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            held.Add((await HeldBytesAsync() - before) / 1024);
            await Task.Delay(500);
        }

        Assert.True(held.Max() < (CapBytes + AllowanceBytes) / 1024, $"the node held more, in KB, for a client that reads nothing: {string.Join(", ", held)}");
        Assert.True(cutOff || await CutOffAsync(socket), "the socket was still served");
    }

    private const int Round = 20;

    // About 40 MB of answers in all.
    private const int Rounds = 16;

    private Task<ClientWebSocket> ConnectAsync(string token) => AcknowledgedAsync(server.WebSocketUri, token);

    private static async Task AskAsync(ClientWebSocket socket, string query, int round)
    {
        for (var i = 0; i < Round; i++) await SendAsync(socket, new { id = $"q{round}-{i}", type = "subscribe", payload = new { query } });
    }

    /// <summary>Reads until that many operations have ended.</summary>
    private static async Task EndedAsync(ClientWebSocket socket, int operations)
    {
        // Generous: on a busy machine the first answer can take a while.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var buffer = new byte[256 * 1024];
        for (var ended = 0; ended < operations;)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (JsonDocument.Parse(message.ToArray()).RootElement.GetProperty("type").GetString() is "complete" or "error") ended++;
        }
    }

    private async Task<long> HeldBytesAsync()
    {
        using var response = await server.Http.GetAsync(new Uri("/dev/memory", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("heldBytes").GetInt64();
    }

    /// <summary>Reading now drains what the kernel buffered, then ends: the server aborted the connection.</summary>
    private static async Task<bool> CutOffAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close) return true;
            }
        }
        catch (WebSocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
