using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using ApGrid.Api.Auth;
using global::GraphQL;
using global::GraphQL.Transport;
using Microsoft.Extensions.Logging;
using GraphQLRequest = global::GraphQL.Transport.GraphQLRequest;

namespace ApGrid.Api.GraphQL.Transport;

/// <summary>
/// One client socket speaking graphql-transport-ws: connection_init with the token, then any number
/// of subscribe/complete pairs, pings both ways, and the protocol's close codes for every misstep.
/// All sends go through one queue so frames never interleave.
/// </summary>
public sealed partial class GraphQLWebSocketConnection(
    WebSocket socket,
    IGraphQLTextSerializer serializer,
    GraphQLRequestExecutor executor,
    WebSocketTokenValidator tokens,
    GraphQLWebSocketOptions options,
    IServiceProvider services,
    ILogger<GraphQLWebSocketConnection> logger) : IDisposable
{
    // Bounded so a client that stops reading cannot grow the server's memory; it is closed instead
    // and, reconnecting with its last cursor, misses nothing.
    private readonly Channel<string> outbox = Channel.CreateBounded<string>(new BoundedChannelOptions(options.MaxQueuedMessages)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private readonly ConcurrentDictionary<string, IDisposable?> operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource closing = new();
    private Caller? caller;
    private int initReceived;
    private int overflowed;

    public async Task RunAsync(CancellationToken aborted)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, closing.Token);
        var token = linked.Token;
        var writer = WriteLoopAsync(token);
        var keepAlive = KeepAliveLoopAsync(token);
        var initTimeout = InitTimeoutAsync(token);
        try
        {
            await ReadLoopAsync(token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            foreach (var operation in operations.Values) operation?.Dispose();
            operations.Clear();
            await closing.CancelAsync();
            outbox.Writer.TryComplete();
            await Task.WhenAll(Ignore(writer), Ignore(keepAlive), Ignore(initTimeout));
        }
    }

    public void Dispose() => closing.Dispose();

    private async Task ReadLoopAsync(CancellationToken token)
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (socket.State == WebSocketState.Open && !token.IsCancellationRequested)
        {
            buffer.Clear();
            ValueWebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer.GetMemory(4096), token);
                buffer.Advance(received.Count);
                if (buffer.WrittenCount > options.MaxMessageBytes)
                {
                    await CloseAsync(4400, "Message too large");
                    return;
                }
            }
            while (!received.EndOfMessage);

            if (received.MessageType == WebSocketMessageType.Close)
            {
                await CloseAsync(1000, "Normal Closure");
                return;
            }

            await HandleAsync(Encoding.UTF8.GetString(buffer.WrittenSpan), token);
        }
    }

    private async Task HandleAsync(string text, CancellationToken token)
    {
        OperationMessage? message;
        try
        {
            message = serializer.Deserialize<OperationMessage>(text);
        }
        catch (JsonException)
        {
            message = null;
        }

        switch (message?.Type)
        {
            case "connection_init":
                await InitAsync(message.Payload);
                break;
            case "ping":
                // No echo of the payload: a client must not be able to make us hold what it sends.
                Send(new OperationMessage { Type = "pong" });
                break;
            case "pong":
                break;
            case "subscribe" when string.IsNullOrEmpty(message.Id) || message.Payload is null:
                await CloseAsync(4400, "Invalid message received");
                break;
            case "subscribe":
                await SubscribeAsync(message.Id!, message.Payload!, token);
                break;
            case "complete" when !string.IsNullOrEmpty(message.Id):
                if (operations.TryRemove(message.Id, out var running)) running?.Dispose();
                break;
            default:
                await CloseAsync(4400, "Invalid message received");
                break;
        }
    }

    private async Task InitAsync(object? payload)
    {
        if (Interlocked.Exchange(ref initReceived, 1) == 1)
        {
            await CloseAsync(4429, "Too many initialisation requests");
            return;
        }

        var init = payload is null ? null : serializer.ReadNode<Inputs>(payload);
        var (validated, expires) = init?.GetValueOrDefault("apiKey") is string apiKey
            ? tokens.ValidateApiKey(apiKey)
            : await tokens.ValidateAsync((init?.TryGetValue("token", out var token) == true ? token : init?.GetValueOrDefault("Authorization")) as string);
        if (validated is null)
        {
            await CloseAsync(4403, "Forbidden");
            return;
        }

        caller = validated;
        _ = CloseWhenTokenExpiresAsync(expires);

        Send(new OperationMessage { Type = "connection_ack" });
    }

    private async Task SubscribeAsync(string id, object payload, CancellationToken token)
    {
        if (caller is null)
        {
            await CloseAsync(4401, "Unauthorized");
            return;
        }

        // Reserve the id first: a duplicate id while the first is live is a protocol error.
        if (!operations.TryAdd(id, null))
        {
            await CloseAsync(4409, $"Subscriber for {id} already exists");
            return;
        }

        if (operations.Count > options.MaxSubscriptionsPerSocket)
        {
            operations.TryRemove(id, out _);
            SendErrors(id, [new ApGridError(ErrorCodes.LimitExceeded, $"At most {options.MaxSubscriptionsPerSocket} operations per socket.")]);
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = serializer.ReadNode<GraphQLRequest>(payload);
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request is null)
        {
            operations.TryRemove(id, out _);
            await CloseAsync(4400, "Invalid message received");
            return;
        }

        var prepared = executor.Prepare(request);
        var result = await executor.ExecuteAsync(prepared, new ApGridUserContext(caller, AuditChannel.GraphQLWs), services, token);
        if (!result.Executed || result.Errors is { Count: > 0 } && result.Data is null && result.Streams is null)
        {
            operations.TryRemove(id, out _);
            SendErrors(id, result.Errors ?? []);
            return;
        }

        if (result.Streams is { Count: > 0 } streams)
        {
            var subscription = streams.Values.First().Subscribe(new StreamObserver(this, id));
            if (!operations.TryUpdate(id, subscription, null)) subscription.Dispose();
            return;
        }

        if (operations.TryRemove(id, out _))
        {
            Send(new OperationMessage { Id = id, Type = "next", Payload = result });
            Send(new OperationMessage { Id = id, Type = "complete" });
        }
    }

    private void SendErrors(string id, IEnumerable<ExecutionError> errors)
    {
        var shaped = new ExecutionResult { Errors = [.. errors], Executed = false };
        // The protocol's error payload is the errors array itself.
        using var document = JsonDocument.Parse(serializer.Serialize(shaped));
        var errorsJson = document.RootElement.TryGetProperty("errors", out var array) ? array.GetRawText() : "[]";
        Enqueue($"{{\"id\":{JsonSerializer.Serialize(id)},\"type\":\"error\",\"payload\":{errorsJson}}}");
    }

    private void Send(OperationMessage message) => Enqueue(serializer.Serialize(message));

    private void Enqueue(string text)
    {
        // A client that stops reading is cut off at once: a close handshake would wait on it too.
        if (!outbox.Writer.TryWrite(text) && Interlocked.Exchange(ref overflowed, 1) == 0)
        {
            LogClosing(logger, 1013, "client too slow");
            closing.Cancel();
            socket.Abort();
        }
    }

    private async Task WriteLoopAsync(CancellationToken token)
    {
        await foreach (var text in outbox.Reader.ReadAllAsync(token))
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, token);
        }
    }

    private async Task KeepAliveLoopAsync(CancellationToken token)
    {
        using var timer = new PeriodicTimer(options.KeepAliveInterval);
        while (await timer.WaitForNextTickAsync(token))
        {
            if (caller is not null) Send(new OperationMessage { Type = "ping" });
        }
    }

    /// <summary>A socket lives no longer than the token that opened it; the client reconnects with a fresh one and its cursor.</summary>
    private async Task CloseWhenTokenExpiresAsync(DateTimeOffset expires)
    {
        try
        {
            // Task.Delay takes at most about 49 days; a socket that old may as well reconnect.
            var wait = TimeSpan.FromTicks(Math.Min((expires - DateTimeOffset.UtcNow).Ticks, TimeSpan.FromDays(24).Ticks));
            if (wait > TimeSpan.Zero) await Task.Delay(wait, closing.Token);
            await CloseAsync(4403, "Forbidden: the token has expired");
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task InitTimeoutAsync(CancellationToken token)
    {
        await Task.Delay(options.ConnectionInitTimeout, token);
        if (Volatile.Read(ref initReceived) == 0) await CloseAsync(4408, "Connection initialisation timeout");
    }

    private async Task CloseAsync(int code, string reason)
    {
        LogClosing(logger, code, reason);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            // Let the read loop take the client's closing frame; stop waiting for it after a few seconds.
            closing.CancelAfter(TimeSpan.FromSeconds(5));
        }
    }

    private static async Task Ignore(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ChannelClosedException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing GraphQL WebSocket: {Code} {Reason}")]
    private static partial void LogClosing(ILogger logger, int code, string reason);

    private sealed class StreamObserver(GraphQLWebSocketConnection connection, string id) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value)
        {
            if (connection.operations.ContainsKey(id)) connection.Send(new OperationMessage { Id = id, Type = "next", Payload = value });
        }

        public void OnError(Exception error)
        {
            if (connection.operations.TryRemove(id, out var subscription))
            {
                subscription?.Dispose();
                connection.SendErrors(id, [error as ExecutionError ?? new ApGridError(ErrorCodes.Internal, "The subscription failed.")]);
            }
        }

        public void OnCompleted()
        {
            if (connection.operations.TryRemove(id, out var subscription))
            {
                subscription?.Dispose();
                connection.Send(new OperationMessage { Id = id, Type = "complete" });
            }
        }
    }
}
