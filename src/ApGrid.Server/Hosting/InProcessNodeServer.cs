using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace ApGrid.Server.Hosting;

/// <summary>
/// The `all` role's node server: Kestrel, which it wraps, still serves the node's own ports, and it
/// keeps the node's request pipeline so the gateway in the same process can run requests through
/// it in memory (<see cref="InProcessNodeHandler"/>), with no loopback socket, second HTTP parse or
/// thread wake-up in between.
/// </summary>
public sealed class InProcessNodeServer(IServer kestrel) : IServer
{
    private Func<IFeatureCollection, Func<Exception?, Task>, Task>? pipeline;

    public IFeatureCollection Features => kestrel.Features;

    /// <summary>True between start and stop: only then may <see cref="ProcessAsync"/> be called.</summary>
    public bool IsRunning => Volatile.Read(ref pipeline) is not null;

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
    /// Runs one request through the node's pipeline, as Kestrel does: create the context, run the
    /// application, then <paramref name="completeResponse"/> (told of any exception the
    /// application threw) before the context is disposed.
    /// </summary>
    public Task ProcessAsync(IFeatureCollection features, Func<Exception?, Task> completeResponse) =>
        (Volatile.Read(ref pipeline) ?? throw new InvalidOperationException("The node is not running."))(features, completeResponse);

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull
    {
        ArgumentNullException.ThrowIfNull(application);
        Volatile.Write(ref pipeline, async (features, completeResponse) =>
        {
            var context = application.CreateContext(features);
            Exception? failure = null;
            try
            {
                await application.ProcessRequestAsync(context);
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            try
            {
                await completeResponse(failure);
            }
            finally
            {
                application.DisposeContext(context, failure);
            }
        });
        return kestrel.StartAsync(application, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref pipeline, null);
        return kestrel.StopAsync(cancellationToken);
    }

    public void Dispose() => kestrel.Dispose();

    private static IServer Create(IServiceProvider provider, ServiceDescriptor descriptor) => (IServer)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
