using System.Globalization;
using Orleans.Storage;

namespace ApGrid.Storage;

/// <summary>
/// Grain storage that commits concurrent grain writes in groups (<see cref="GrainWriteQueue"/>):
/// the writes that queue up during one commit go together in the next transaction, so a group
/// costs one commit, and one fsync, instead of one each. On SQLite this also keeps writers off each
/// other: two connections that write at once collide on its lock, and Microsoft.Data.Sqlite answers
/// a busy database by sleeping the thread 150 ms and retrying (p99 above 600 ms at 200 updates a
/// second before writes were queued). A write is Orleans's own WriteToStorageKey statement on the
/// row Orleans's provider reads (<see cref="GrainStorageRowKey"/>), with the provider's serializer,
/// so reads, clears and every database written before stay with the inner provider unchanged.
/// Reads are not queued (in SQLite's WAL mode they never wait). A write from a grain's outbox says
/// whether the state holds undelivered messages (<see cref="Grains.OutboxIndex"/>), and the grain's row
/// in ApGridOutboxIndex is added or removed in the same transaction, so the index and the state never
/// disagree (<see cref="OutboxSweep"/> reads it).
/// </summary>
/// <param name="queues">Where the database's write queue comes from: per database, not per silo (<see cref="GrainWriteQueues"/>).</param>
public sealed class GroupCommitGrainStorage(
    IGrainStorage inner, GrainWriteQueues queues, StorageOptions options, string serviceId, IGrainStorageSerializer serializer, ILogger? logger = null)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly GrainWriteQueue queue = (queues ?? throw new ArgumentNullException(nameof(queues))).For(options, logger);

    /// <summary>The ADO.NET provider that does the reading and clearing.</summary>
    public IGrainStorage Inner => inner;

    /// <summary>Transactions the database's write queue has committed, across every silo sharing its <see cref="GrainWriteQueues"/>.</summary>
    public long Commits => queue.Commits;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var expected = string.IsNullOrWhiteSpace(grainState.ETag) ? (int?)null : int.Parse(grainState.ETag, CultureInfo.InvariantCulture);
        // Only writes from an outbox touch the index; the rest (feeds, audit pages) skip the grain id's string.
        var pending = Grains.OutboxIndex.HasPendingMessages;
        var write = new PendingGrainWrite(
            GrainStorageRowKey.For(stateName, grainId.Key.ToString()!), serviceId, serializer.Serialize(grainState.State).ToArray(), expected,
            pending is null ? "" : grainId.ToString(), pending);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var activity = ApGrid.Grains.Abstractions.ApGridTelemetry.Source.StartActivity("storage write");
        activity?.SetTag("apgrid.state", stateName);
        var stored = await queue.WriteAsync(write);
        ApGrid.Grains.Abstractions.ApGridTelemetry.StorageWriteDuration.Record(
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("apgrid.state", stateName));
        if (stored is null)
        {
            throw new InconsistentStateException(
                $"Version conflict (WriteState): ServiceId={serviceId} GrainType={stateName} GrainId={grainId} ETag={grainState.ETag}.");
        }

        grainState.ETag = stored.Value.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // Only SQLite needs clears kept apart from commits (one writer per file); PostgreSQL takes both at once.
        if (!options.IsSqlite)
        {
            await inner.ClearStateAsync(stateName, grainId, grainState);
            return;
        }

        await queue.Gate.WaitAsync();
        try
        {
            await inner.ClearStateAsync(stateName, grainId, grainState);
        }
        finally
        {
            queue.Gate.Release();
        }
    }

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
