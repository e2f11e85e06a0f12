using System.Collections.Concurrent;

namespace ApGrid.Api.ChangeFeed;

/// <summary>
/// One capacity change reaches every capacityChanged subscription on the node at once; each used
/// to ask the setting for its snapshot, so 5,000 dashboards meant 5,000 grain calls for one change.
/// The first subscription's call is shared by the rest. A snapshot is always the setting's state
/// at the moment of that one call, as it was for each call before.
/// </summary>
public sealed class CapacitySnapshotMemo
{
    // Enough for every change in flight on a node; older ones are never asked for again.
    private const int Capacity = 1024;

    private readonly ConcurrentDictionary<(string Tenant, long Sequence), Lazy<Task<ApCapacitySnapshot?>>> snapshots = new();
    private readonly ConcurrentQueue<(string Tenant, long Sequence)> order = new();

    public Task<ApCapacitySnapshot?> GetAsync(IGrainFactory grains, string tenant, ChangeEntry change)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(change);
        var key = (tenant, change.Sequence);
        var mine = new Lazy<Task<ApCapacitySnapshot?>>(() => TenantContext.RunAsync(tenant, () =>
            grains.GetGrain<IApSettingGrain>(GrainKeys.For(tenant, change.SubjectId)).GetCapacityAsync()));
        if (snapshots.TryAdd(key, mine))
        {
            order.Enqueue(key);
            while (order.Count > Capacity && order.TryDequeue(out var oldest)) snapshots.TryRemove(oldest, out _);
        }

        var shared = snapshots.TryGetValue(key, out var found) ? found : mine;
        var task = shared.Value;
        if (ReferenceEquals(shared, mine))
        {
            // A failed call must not be handed to every later subscriber: the next one asks again.
            _ = task.ContinueWith(_ => snapshots.TryRemove(key, out var _), CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion, TaskScheduler.Default);
        }

        return task;
    }
}
