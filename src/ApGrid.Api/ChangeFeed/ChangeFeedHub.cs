using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ApGrid.Api.ChangeFeed;

/// <summary>
/// This node's single listener per tenant on the tenant's change feed grain, fanned out in process
/// to every subscription on the node. Subscriptions are renewed well inside the feed's lapse time.
/// </summary>
public sealed partial class ChangeFeedHub(IGrainFactory grains, ILogger<ChangeFeedHub> logger) : BackgroundService
{
    // Far inside the feed's three-minute lapse, and short because renewing is also how a node
    // re-registers after the feed grain was reactivated elsewhere (its node crashed): until then
    // this node's subscribers get nothing live. One grain call per tenant per node each time.
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, TenantListener> tenants = new(StringComparer.Ordinal);

    public IGrainFactory Grains => grains;

    /// <summary>Subscriptions this node serves (GraphQL subscriptions and other listeners), across tenants.</summary>
    public int Subscribers => tenants.Values.Sum(t => t.Count);

    /// <summary>Calls <paramref name="onEntry"/> for every entry of the tenant's feed until disposed.</summary>
    public async Task<IDisposable> ListenAsync(string tenant, Action<ChangeEntry> onEntry)
    {
        var listener = tenants.GetOrAdd(tenant, t => new TenantListener(t, grains));
        var registration = listener.Add(onEntry);
        try
        {
            await listener.EnsureSubscribedAsync();
        }
        catch
        {
            registration.Dispose();
            throw;
        }

        return registration;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ApGridTelemetry.Meter.CreateObservableGauge("apgrid.subscribers", () => Subscribers, "{subscriber}", "Change-feed listeners (subscriptions) this node serves.");
        using var timer = new PeriodicTimer(RenewEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var listener in tenants.Values.Where(l => l.HasListeners))
            {
                try
                {
                    await listener.RenewAsync();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A lapse only delays live delivery: streams fill gaps from the stored feed.
                    LogRenewFailed(logger, ex, listener.Tenant);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the change feed subscription of tenant {Tenant} failed")]
    private static partial void LogRenewFailed(ILogger logger, Exception ex, string tenant);

    private sealed class TenantListener(string tenant, IGrainFactory grains) : IChangeObserver
    {
        private readonly ConcurrentDictionary<Guid, Action<ChangeEntry>> callbacks = new();
        private readonly Lock sync = new();
        private Task? subscribed;
        private IChangeObserver? reference;

        public string Tenant => tenant;

        public bool HasListeners => !callbacks.IsEmpty;

        public Registration Add(Action<ChangeEntry> callback)
        {
            var id = Guid.NewGuid();
            callbacks[id] = callback;
            return new Registration(() => callbacks.TryRemove(id, out _));
        }

        /// <summary>Subscribes once per node; a failed attempt is retried by the next caller.</summary>
        public Task EnsureSubscribedAsync()
        {
            lock (sync)
            {
                if (subscribed is null || subscribed.IsFaulted) subscribed = SubscribeNewAsync();
                return subscribed;
            }
        }

        private async Task SubscribeNewAsync()
        {
            var created = grains.CreateObjectReference<IChangeObserver>(this);
            await SubscribeAsync(created);
            reference = created;
        }

        public Task RenewAsync() => reference is null ? Task.CompletedTask : SubscribeAsync(reference);

        public int Count => callbacks.Count;

        public Task OnChangeAsync(ChangeEntry entry)
        {
            ApGridTelemetry.ChangeFeedLag.Record((DateTimeOffset.UtcNow - entry.At).TotalSeconds);
            foreach (var callback in callbacks.Values) callback(entry);
            return Task.CompletedTask;
        }

        private Task SubscribeAsync(IChangeObserver observer) =>
            TenantContext.RunAsync(tenant, () => grains.GetGrain<IChangeFeedGrain>(tenant).SubscribeAsync(observer));
    }

    public sealed class Registration(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) dispose();
        }
    }
}
