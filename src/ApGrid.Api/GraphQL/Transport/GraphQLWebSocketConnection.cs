using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
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
/// All sends go through one queue so frames never interleave. Operations run beside the read loop,
/// never in it, so pings, completes and further subscribes are read while a query runs.
/// </summary>
public sealed partial class GraphQLWebSocketConnection(
    WebSocket socket,
    IGraphQLTextSerializer serializer,
    GraphQLRequestExecutor executor,
    WebSocketTokenValidator tokens,
    GraphQLWebSocketOptions options,
    IServiceProvider services,
    ILogger<GraphQLWebSocketConnection> logger,
    ClaimsPrincipal? session = null,
    System.Net.IPAddress? source = null) : IDisposable
{
    // Bounded, in messages and in bytes, so a client that stops reading cannot grow the server's
    // memory; it is cut off instead and, reconnecting with its last cursor, misses nothing.
    private readonly Channel<byte[]> outbox = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(options.MaxQueuedMessages)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private readonly ConcurrentDictionary<string, WebSocketOperation> operations = new(StringComparer.Ordinal);
    private readonly List<Task> starting = [];
    private readonly CancellationTokenSource closing = new();
    private Caller? caller;
    private int initReceived;
    private (SocketCaps Caps, Caller Holder)? heldPlace;
    private string? callerApiKey;
    private int overflowed;
    private long queuedBytes;

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
#pragma warning disable CA1031 // the socket ends in the protocol's own way, not as a failed request
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var correlationId = InternalErrors.Record(logger, ex, "GraphQL WebSocket connection");
            await CloseAsync(4500, $"Internal server error {correlationId}");
        }
        finally
        {
            foreach (var operation in operations.Values) operation.Dispose();
            operations.Clear();
            if (heldPlace is var (caps, holder)) caps.Close(holder);
            await closing.CancelAsync();

            // Operations still starting use this request's services: let them see the cancellation and end first.
            Task[] unfinished;
            lock (starting) unfinished = [.. starting];
            await Task.WhenAll(unfinished);
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
                // No complete goes back: the client ended the operation and expects nothing more for it.
                if (operations.TryRemove(message.Id, out var running)) running.Dispose();
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

        Inputs? init;
        try
        {
            init = payload is null ? null : serializer.ReadNode<Inputs>(payload);
        }
        catch (JsonException)
        {
            await CloseAsync(4400, "Invalid message received");
            return;
        }

        // Refused credentials count per source as over HTTP; past the limit the socket closes with 4429.
        var failures = services.GetService<AuthenticationFailures>() is { Enforced: true } enforced ? enforced : null;
        if (failures?.Blocked(source) is { } blocked)
        {
            await CloseAsync(4429, TooManyFailures(blocked));
            return;
        }

        var presented = (init?.TryGetValue("token", out var token) == true ? token : init?.GetValueOrDefault("Authorization")) as string;
        var (validated, expires, principal) = init?.GetValueOrDefault("apiKey") is string apiKey ? await tokens.ValidateApiKeyAsync(apiKey)
            : presented is null && session is not null ? (await tokens.RecheckAsync(session), DateTimeOffset.MaxValue, session)
            : await tokens.ValidateAsync(presented);
        if (validated is null)
        {
            // A credential that names nobody is a failure; a person without a grant yet is not.
            if (principal is null) failures?.Failed(source);
            if (failures?.Blocked(source) is { } wait) await CloseAsync(4429, TooManyFailures(wait));
            else await CloseAsync(4403, "Forbidden");
            return;
        }

        if (services.GetService<SocketCaps>() is { } caps)
        {
            if (caps.TryOpen(validated) is null)
            {
                await CloseAsync(4429, "Too many sockets open for this caller or tenant");
                return;
            }

            heldPlace = (caps, validated);
        }

        caller = validated;
        callerApiKey = principal?.FindFirst(ApGridClaims.ApiKey)?.Value;
        _ = CloseWhenTokenExpiresAsync(expires);
        if (principal is not null && AccessResolution.CanChange(principal)) _ = CloseWhenAccessEndsAsync(principal, validated);

        Send(new OperationMessage { Type = "connection_ack" });
    }

    /// <summary>The protocol checks, in the read loop; then the operation starts beside it.</summary>
    private async Task SubscribeAsync(string id, object payload, CancellationToken token)
    {
        if (caller is null)
        {
            await CloseAsync(4401, "Unauthorized");
            return;
        }

        // Reserve the id before anything runs: a duplicate id while the first is live is a protocol
        // error, and a complete for it from now on reaches this slot.
        var operation = new WebSocketOperation(token);
        if (!operations.TryAdd(id, operation))
        {
            operation.Dispose();
            await CloseAsync(4409, $"Subscriber for {id} already exists");
            return;
        }

        if (operations.Count > options.MaxSubscriptionsPerSocket)
        {
            Release(id, operation);
            SendErrors(id, [new ApGridError(ErrorCodes.LimitExceeded, $"At most {options.MaxSubscriptionsPerSocket} operations per socket.")]);
            return;
        }

        // Across the caller's sockets, and the tenant's: the place is given back whenever the operation ends.
        if (heldPlace is var (caps, holder))
        {
            if (!caps.TryStartOperation(holder))
            {
                Release(id, operation);
                SendErrors(id, [new ApGridError(ErrorCodes.LimitExceeded,
                    $"At most {options.MaxSubscriptionsPerCaller} operations open at once for one caller, {options.MaxSubscriptionsPerTenant} for one tenant.")]);
                return;
            }

            operation.OnEnded = () => caps.EndOperation(holder);
        }

        // Each operation counts against the tenant's and the key's allowance, as an HTTP request does.
        if (services.GetService<CallerRateLimits>()?.TryAcquire(caller.Tenant, callerApiKey) is { } wait)
        {
            Release(id, operation);
            SendErrors(id, [new ApGridError(ErrorCodes.RateLimited,
                $"Too many requests; try again in {AuthenticationFailures.RetryAfterSeconds(wait)} s.")]);
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
            Release(id, operation);
            await CloseAsync(4400, "Invalid message received");
            return;
        }

        var started = StartAsync(id, request, caller, operation);
        lock (starting)
        {
            starting.RemoveAll(t => t.IsCompleted);
            starting.Add(started);
        }
    }

    /// <summary>
    /// Runs a query or mutation to its end, or a subscription to its first event stream. Never throws:
    /// whatever fails here is this operation's error, sent for its id, and the socket carries on.
    /// </summary>
    private async Task StartAsync(string id, GraphQLRequest request, Caller caller, WebSocketOperation operation)
    {
        // Off the read loop's thread before any work, however long the document takes to parse and validate.
        await Task.Yield();
        try
        {
            var result = await executor.ExecuteAsync(request, new ApGridUserContext(caller, AuditChannel.GraphQLWs), services, operation.Cancelled);
            if (!result.Executed || result.Errors is { Count: > 0 } && result.Data is null && result.Streams is null)
            {
                if (Release(id, operation)) SendErrors(id, result.Errors ?? []);
                return;
            }

            if (result.Streams is { Count: > 0 } streams)
            {
                operation.Attach(streams.Values.First().Subscribe(new StreamObserver(this, id, operation)));
                return;
            }

            if (Release(id, operation))
            {
                Send(new OperationMessage { Id = id, Type = "next", Payload = result });
                Send(new OperationMessage { Id = id, Type = "complete" });
            }
        }
        catch (OperationCanceledException) when (operation.Cancelled.IsCancellationRequested)
        {
            // Completed by the client, or the socket is closing: nothing more is sent for this id.
        }
#pragma warning disable CA1031 // one operation's failure must not end the socket's other operations
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var correlationId = InternalErrors.Record(logger, ex, $"GraphQL WebSocket operation {id}");
            if (Release(id, operation)) SendErrors(id, [InternalErrors.ErrorFor(correlationId, "The operation failed.")]);
        }
    }

    /// <summary>Frees the id if this operation still holds it; false when the client completed it, or reused the id since.</summary>
    private bool Release(string id, WebSocketOperation operation)
    {
        if (!operations.TryRemove(new KeyValuePair<string, WebSocketOperation>(id, operation))) return false;
        operation.Dispose();
        return true;
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
        // A client that stops reading is cut off at once: a close handshake would wait on it too. Once
        // the socket is closing, what is still sent is dropped.
        // Queued as UTF-8, so the bytes counted are the bytes held.
        var bytes = Encoding.UTF8.GetBytes(text);
        var queued = Interlocked.Add(ref queuedBytes, bytes.Length);
        if ((queued <= options.MaxQueuedBytes || queued == bytes.Length) && outbox.Writer.TryWrite(bytes)) return;
        Interlocked.Add(ref queuedBytes, -bytes.Length);
        if (!closing.IsCancellationRequested && Interlocked.Exchange(ref overflowed, 1) == 0)
        {
            LogClosing(logger, 1013, "client too slow");
            closing.Cancel();
            socket.Abort();
        }
    }

    private async Task WriteLoopAsync(CancellationToken token)
    {
        try
        {
            await foreach (var bytes in outbox.Reader.ReadAllAsync(token))
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, true, token);
                Interlocked.Add(ref queuedBytes, -bytes.Length);
            }
        }
        finally
        {
            // What a cut-off client never read is let go with the socket.
            while (outbox.Reader.TryRead(out _))
            {
            }

            Interlocked.Exchange(ref queuedBytes, 0);
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

    /// <summary>A grant can be revoked and a session ended while the socket is open: ask again now and then.</summary>
    private async Task CloseWhenAccessEndsAsync(ClaimsPrincipal principal, Caller opened)
    {
        var sessions = services.GetRequiredService<BoardSessionStore>();
        try
        {
            using var timer = new PeriodicTimer(options.AccessRecheckInterval);
            while (await timer.WaitForNextTickAsync(closing.Token))
            {
                var now = await tokens.RecheckAsync(principal);
                if (now is null || now.Role != opened.Role || now.Urn != opened.Urn || !await sessions.HoldsAsync(principal))
                {
                    await CloseAsync(4403, "Forbidden: access was revoked or the session ended");
                    return;
                }
            }
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

    private ILogger Logger => logger;

    private static string TooManyFailures(TimeSpan wait) =>
        $"Too many refused credentials; retry after {AuthenticationFailures.RetryAfterSeconds(wait)} s";

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing GraphQL WebSocket: {Code} {Reason}")]
    private static partial void LogClosing(ILogger logger, int code, string reason);


    private sealed class StreamObserver(GraphQLWebSocketConnection connection, string id, WebSocketOperation operation) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value)
        {
            if (!operation.IsDisposed) connection.Send(new OperationMessage { Id = id, Type = "next", Payload = value });
        }

        public void OnError(Exception error)
        {
            if (connection.Release(id, operation))
            {
                connection.SendErrors(id, [error as ExecutionError
                    ?? InternalErrors.ErrorFor(InternalErrors.Record(connection.Logger, error, $"GraphQL subscription {id}"), "The subscription failed.")]);
            }
        }

        public void OnCompleted()
        {
            if (connection.Release(id, operation)) connection.Send(new OperationMessage { Id = id, Type = "complete" });
        }
    }
}
