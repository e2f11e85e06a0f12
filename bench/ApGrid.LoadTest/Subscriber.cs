using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ApGrid.LoadTest;

/// <summary>One graphql-transport-ws subscriber: init with the token, subscribe, then note when each `next` arrives.</summary>
internal sealed class Subscriber : IAsyncDisposable
{
    private readonly ClientWebSocket socket = new();
    private readonly byte[] buffer = new byte[16 * 1024];
    private Task? receiving;

    public long LastNextTimestamp { get; private set; }

    public int Received { get; private set; }

    public async Task ConnectAsync(Uri url, string token, string query, CancellationToken ct)
    {
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(url, ct);
        await SendAsync(new { type = "connection_init", payload = new { token } }, ct);
        var ack = await ReceiveTypeAsync(ct);
        if (ack != "connection_ack") throw new InvalidOperationException($"expected connection_ack, got {ack}");
        await SendAsync(new { id = "1", type = "subscribe", payload = new { query } }, ct);
        receiving = Task.Run(() => ReceiveLoopAsync(ct), ct);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open) await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException) { }

        socket.Dispose();
        if (receiving is not null) await Task.WhenAny(receiving, Task.Delay(1000));
    }

    private async Task ReceiveLoopAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var type = await ReceiveTypeAsync(ct);
                if (type == "next")
                {
                    LastNextTimestamp = Stopwatch.GetTimestamp();
                    Received++;
                }
                else if (type == "ping")
                {
                    await SendAsync(new { type = "pong" }, ct);
                }
                else if (type is null or "error" or "complete")
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException) { }
    }

    private async Task<string?> ReceiveTypeAsync(CancellationToken ct)
    {
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(length), ct);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            length += result.Count;
        }
        while (!result.EndOfMessage && length < buffer.Length);

        using var message = JsonDocument.Parse(buffer.AsMemory(0, length));
        return message.RootElement.GetProperty("type").GetString();
    }

    private Task SendAsync(object message, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, ct);
}
