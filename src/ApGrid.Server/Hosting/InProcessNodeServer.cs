using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace ApGrid.Server.Hosting;

/// <summary>
/// The `all` role's node server: Kestrel, which it wraps, still serves the node's own ports, and it
/// keeps the node's request pipeline so that the gateway in the same process can hand a request it
/// has authenticated, limited and routed straight to the node (<see cref="TryServeAsync"/>): the node
/// reads the caller's request and writes its answer on the gateway's own connection, with no
/// second HTTP message, loopback socket, parse or copy in between.
/// </summary>
public sealed class InProcessNodeServer(IServer kestrel) : IServer
{
    /// <summary>
    /// What the node gets of the gateway's request: the connection and the message, as Kestrel
    /// gives any request. Nothing the gateway's own pipeline set (its caller, endpoint, services,
    /// items, caches of the parsed request) crosses over; the node works those out for itself.
    /// </summary>
    private static readonly Type[] TransportFeatures =
    [
        typeof(IHttpRequestFeature), typeof(IHttpResponseFeature), typeof(IHttpResponseBodyFeature),
        typeof(IHttpRequestBodyDetectionFeature), typeof(IHttpRequestLifetimeFeature), typeof(IHttpRequestIdentifierFeature),
        typeof(IHttpConnectionFeature), typeof(ITlsConnectionFeature), typeof(IHttpMaxRequestBodySizeFeature),
        typeof(IHttpMinRequestBodyDataRateFeature), typeof(IHttpMinResponseDataRateFeature), typeof(IHttpBodyControlFeature),
        typeof(IHttpRequestTrailersFeature), typeof(IHttpResponseTrailersFeature), typeof(IHttpResetFeature),
    ];

    /// <summary>
    /// YARP set these from the connection it proxied; here the node sees the caller's connection
    /// itself, so whatever a caller sent under these names is dropped rather than passed on as if a
    /// proxy had vouched for it.
    /// </summary>
    private static readonly string[] ProxyHeaders = ["X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Prefix", "Forwarded"];

    private Func<IFeatureCollection, Task>? pipeline;
    private ExecutionContext? cleanContext;
    private int inFlight;

    public IFeatureCollection Features => kestrel.Features;

    /// <summary>
    /// Replaces the builder's server (Kestrel) with this one around it; the node's application
    /// resolves it as <see cref="InProcessNodeServer"/> to hand to its gateway.
    /// </summary>
    public static void Install(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var kestrel = services.LastOrDefault(d => d.ServiceType == typeof(IServer))
            ?? throw new InvalidOperationException("The node has no server to serve its requests in process.");
        services.Remove(kestrel);
        services.AddSingleton(provider => new InProcessNodeServer(Create(provider, kestrel)));
        services.AddSingleton<IServer>(provider => provider.GetRequiredService<InProcessNodeServer>());
    }

    /// <summary>
    /// Serves the gateway's request in the node, or returns false, having done nothing, when the
    /// node is not running (starting or stopping). Kestrel starts every request with nothing in its
    /// execution context, and so does this: the gateway's async-locals (the HttpContextAccessor's
    /// among them) neither reach the node nor are changed by it. The trace goes on through the
    /// traceparent header, as it would over a socket.
    /// </summary>
    public async Task<bool> TryServeAsync(HttpContext gatewayContext)
    {
        ArgumentNullException.ThrowIfNull(gatewayContext);

        // Counted before the pipeline is read, so StopAsync, which clears it first, either sees
        // this request in flight or this request sees no pipeline.
        Interlocked.Increment(ref inFlight);
        try
        {
            if (Volatile.Read(ref pipeline) is not { } run) return false;
            var features = new FeatureCollection(TransportFeatures.Length + 8);
            foreach (var type in TransportFeatures)
            {
                if (gatewayContext.Features[type] is { } feature) features[type] = feature;
            }

            var headers = gatewayContext.Request.Headers;
            foreach (var name in ProxyHeaders) headers.Remove(name);
            if (Activity.Current is { } activity)
            {
                DistributedContextPropagator.Current.Inject(activity, headers, static (carrier, name, value) => ((IHeaderDictionary)carrier!)[name] = value);
            }

            var state = new ServeState(run, features);
            ExecutionContext.Run(cleanContext!, static s => ((ServeState)s!).Start(), state);
            await state.Task!;
            return true;
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    public async Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        ArgumentNullException.ThrowIfNull(application);
        cleanContext ??= await CaptureCleanContextAsync();
        await kestrel.StartAsync(application, cancellationToken);
        Volatile.Write(ref pipeline, async features =>
        {
            var context = application.CreateContext(features);
            try
            {
                await application.ProcessRequestAsync(context);
            }
            catch (Exception ex)
            {
                application.DisposeContext(context, ex);
                throw;
            }

            application.DisposeContext(context, null);
        });
    }

    /// <summary>
    /// Refuses new requests, lets those already handed over finish (as Kestrel drains its own),
    /// then stops Kestrel. The host stops its web server before the Orleans silo, so no request in
    /// flight loses the silo under it.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref pipeline, null);
        try
        {
            while (Volatile.Read(ref inFlight) > 0) await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout: stop anyway, as Kestrel does with connections still open.
        }

        await kestrel.StopAsync(cancellationToken);
    }

    public void Dispose() => kestrel.Dispose();

    private static IServer Create(IServiceProvider provider, ServiceDescriptor descriptor) => (IServer)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));

    /// <summary>
    /// A context holding nothing but one async-local of its own, made on a thread-pool thread given
    /// no context (an unsafe work item never captures one, nor runs inline on this thread).
    /// ExecutionContext.Run refuses the default, empty context, hence the async-local.
    /// </summary>
    private static Task<ExecutionContext> CaptureCleanContextAsync()
    {
        var captured = new TaskCompletionSource<ExecutionContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        ThreadPool.UnsafeQueueUserWorkItem(static state =>
        {
            state.Marker.Value = true;
            state.Captured.SetResult(ExecutionContext.Capture()!);
        }, (Marker: new AsyncLocal<bool>(), Captured: captured), preferLocal: false);
        return captured.Task;
    }

    private sealed class ServeState(Func<IFeatureCollection, Task> run, IFeatureCollection features)
    {
        public Task? Task { get; private set; }

        public void Start() => Task = run(features);
    }
}
