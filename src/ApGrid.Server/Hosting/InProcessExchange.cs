using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Http.Features;

namespace ApGrid.Server.Hosting;

/// <summary>
/// One request the gateway hands to its own node in memory: the features the node's pipeline
/// reads the request from and writes the answer to, in Kestrel's order (OnStarting callbacks, the
/// headers frozen at the first flush, OnCompleted callbacks after the body). The answer goes back
/// to the gateway as soon as it starts; its body streams through a pipe, so a large or slow answer
/// is neither buffered whole nor held back.
/// </summary>
[SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The token source has no timer, so there is nothing to release; disposing it would race the caller's cancellation.")]
internal sealed class InProcessExchange :
    IHttpResponseFeature, IHttpResponseBodyFeature, IHttpRequestLifetimeFeature, IHttpRequestBodyDetectionFeature
{
    private static readonly ExecutionContext CleanContext = CaptureCleanContext();

    private readonly HttpRequestMessage request;
    private readonly Pipe body = new();
    private readonly ResponseBodyWriter writer;
    private readonly TaskCompletionSource<HttpResponseMessage> started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource aborted = new();
    private readonly Stack<(Func<object, Task> Callback, object State)> onStarting = new();
    private readonly Stack<(Func<object, Task> Callback, object State)> onCompleted = new();
    private readonly HeaderDictionary headers = new();
    private CancellationTokenRegistration callerGone;
    private int finished;

    private InProcessExchange(HttpRequestMessage request)
    {
        this.request = request;
        writer = new ResponseBodyWriter(this, body.Writer);
        Stream = writer.AsStream();
    }

    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    public string? ReasonPhrase { get; set; }

    public IHeaderDictionary Headers
    {
        get => headers;
        set => throw new NotSupportedException("The response headers cannot be replaced.");
    }

    [Obsolete("Use IHttpResponseBodyFeature.Stream.")]
    public Stream Body
    {
        get => Stream;
        set => throw new NotSupportedException("The response body cannot be replaced.");
    }

    public bool HasStarted { get; private set; }

    public Stream Stream { get; }

    public PipeWriter Writer => writer;

    public CancellationToken RequestAborted
    {
        get => aborted.Token;
        set => throw new NotSupportedException("RequestAborted cannot be replaced.");
    }

    public bool CanHaveBody => request.Content is not null;

    /// <summary>Runs <paramref name="request"/> through the node and answers once the node's response starts.</summary>
    public static async Task<HttpResponseMessage> SendAsync(InProcessNodeServer node, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var exchange = new InProcessExchange(request);
        var features = await exchange.RequestFeaturesAsync(cancellationToken);
        exchange.callerGone = cancellationToken.UnsafeRegister(static state => ((InProcessExchange)state!).CallerGone(), exchange);

        // A request on a Kestrel connection starts with nothing in its execution context, and so
        // does this one: the gateway's async-locals (the HttpContextAccessor's, a caller's Orleans
        // RequestContext) must neither reach the node's request nor be changed by it. The trace
        // goes on in the headers, as over a socket.
        ExecutionContext.Run(CleanContext, static state =>
        {
            var (node, features, exchange) = ((InProcessNodeServer, IFeatureCollection, InProcessExchange))state!;
            _ = node.ProcessAsync(features, exchange.FinishAsync);
        }, (node, features, exchange));
        return await exchange.started.Task;
    }

    public void OnStarting(Func<object, Task> callback, object state)
    {
        if (HasStarted) throw new InvalidOperationException("The response has already started.");
        onStarting.Push((callback, state));
    }

    public void OnCompleted(Func<object, Task> callback, object state) => onCompleted.Push((callback, state));

    public void DisableBuffering()
    {
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => StartResponseAsync();

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        SendFileFallback.SendFileAsync(Stream, path, offset, count, cancellationToken);

    public async Task CompleteAsync()
    {
        await StartResponseAsync();
        await body.Writer.CompleteAsync();
    }

    /// <summary>The node gives up on the request (called in the node's own flow, which owns the writer).</summary>
    public void Abort()
    {
        if (Interlocked.Exchange(ref finished, 1) == 1) return;
        var error = new IOException("The node aborted the request.");
        started.TrySetException(error);
        body.Writer.Complete(error);
        aborted.Cancel();
    }

    /// <summary>Called by the response content when the gateway is done with the answer (it owns the reader).</summary>
    internal void ResponseDisposed()
    {
        // The gateway stopped reading before the node finished (its caller went away): tell the node.
        if (Volatile.Read(ref finished) == 0) CallerGone();
        body.Reader.Complete();
        callerGone.Dispose();
    }

    /// <summary>
    /// The gateway's caller went away. The node is told through RequestAborted; its writes go on
    /// into the pipe until the reader is completed, by the gateway disposing an answer it had, or
    /// by <see cref="StartResponseAsync"/> disposing one nobody will take.
    /// </summary>
    private void CallerGone()
    {
        started.TrySetCanceled();
        aborted.Cancel();
    }

    /// <summary>Headers are sent on the first flush, as Kestrel sends them; from then on they are frozen.</summary>
    internal async Task StartResponseAsync()
    {
        if (HasStarted) return;
        while (onStarting.TryPop(out var entry)) await entry.Callback(entry.State);
        HasStarted = true;
        headers.IsReadOnly = true;
        var message = ResponseMessage();
        if (!started.TrySetResult(message)) message.Dispose();
    }

    private async Task<IFeatureCollection> RequestFeaturesAsync(CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no address.");
        IHeaderDictionary requestHeaders = new HeaderDictionary();
        foreach (var header in request.Headers) requestHeaders[header.Key] = header.Value.ToArray();
        if (request.Headers.Host is null) requestHeaders.Host = uri.Authority;
        if (Activity.Current is { } activity)
        {
            DistributedContextPropagator.Current.Inject(activity, requestHeaders, static (carrier, name, value) => ((IHeaderDictionary)carrier!)[name] = value);
        }

        var requestBody = Stream.Null;
        if (request.Content is { } content)
        {
            foreach (var header in content.Headers) requestHeaders[header.Key] = header.Value.ToArray();
            requestHeaders.ContentLength = content.Headers.ContentLength;
            requestBody = await content.ReadAsStreamAsync(cancellationToken);
        }

        var features = new FeatureCollection(8);
        features.Set<IHttpRequestFeature>(new HttpRequestFeature
        {
            Protocol = request.Version == HttpVersion.Version20 ? "HTTP/2" : "HTTP/1.1",
            Method = request.Method.Method,
            Scheme = uri.Scheme,
            Path = PathString.FromUriComponent(uri).Value ?? "/",
            QueryString = uri.Query,
            RawTarget = uri.PathAndQuery,
            Headers = requestHeaders,
            Body = requestBody,
        });
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature
        {
            RemoteIpAddress = IPAddress.Loopback,
            LocalIpAddress = IPAddress.Loopback,
            LocalPort = uri.Port,
        });
        features.Set<IHttpResponseFeature>(this);
        features.Set<IHttpResponseBodyFeature>(this);
        features.Set<IHttpRequestLifetimeFeature>(this);
        features.Set<IHttpRequestBodyDetectionFeature>(this);
        return features;
    }

    /// <summary>After the application: Kestrel's 500 for an exception thrown before the answer started, else the end of the body.</summary>
    private async Task FinishAsync(Exception? failure)
    {
        try
        {
            if (failure is not null && !HasStarted)
            {
                StatusCode = StatusCodes.Status500InternalServerError;
                ReasonPhrase = null;
                headers.Clear();
                headers.ContentLength = 0;
            }

            if (failure is not null && HasStarted)
            {
                // Part of the answer has gone: cut it off, as Kestrel resets the stream.
                Abort();
            }
            else
            {
                await StartResponseAsync();
                await body.Writer.CompleteAsync();
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Abort();
        }
        finally
        {
            Volatile.Write(ref finished, 1);
            callerGone.Dispose();
        }

        while (onCompleted.TryPop(out var entry))
        {
            try
            {
                await entry.Callback(entry.State);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Kestrel logs and goes on; these callbacks have nobody left to answer.
                _ = ex;
            }
        }
    }

    /// <summary>
    /// A context holding nothing but one async-local of its own, made on a thread-pool thread given
    /// no context (an unsafe work item never captures one, nor runs inline on this thread).
    /// ExecutionContext.Run refuses the default, empty context, hence the async-local. The work item
    /// touches no static of this type, whose initialiser is waiting for it.
    /// </summary>
    private static ExecutionContext CaptureCleanContext()
    {
        var captured = new TaskCompletionSource<ExecutionContext>();
        ThreadPool.UnsafeQueueUserWorkItem(static state =>
        {
            state.Marker.Value = true;
            state.Captured.SetResult(ExecutionContext.Capture()!);
        }, (Marker: new AsyncLocal<bool>(), Captured: captured), preferLocal: false);
        return captured.Task.GetAwaiter().GetResult();
    }

    private HttpResponseMessage ResponseMessage()
    {
        var message = new HttpResponseMessage((HttpStatusCode)StatusCode)
        {
            RequestMessage = request,
            Version = request.Version,
            Content = new InProcessResponseContent(this, body.Reader),
        };
        if (ReasonPhrase is not null) message.ReasonPhrase = ReasonPhrase;
        foreach (var header in headers)
        {
            var values = header.Value.ToArray();
            if (!message.Headers.TryAddWithoutValidation(header.Key, values)) message.Content.Headers.TryAddWithoutValidation(header.Key, values);
        }

        return message;
    }
}
