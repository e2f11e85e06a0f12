using System.Collections.Concurrent;
using Orleans.Storage;

namespace ApGrid.Server.Storage;

/// <summary>
/// Grain storage for SQLite that lets one write at a time reach the file. SQLite has one writer
/// anyway; but two connections that try at once collide on its lock, and Microsoft.Data.Sqlite
/// answers a busy database by sleeping the thread 150 ms and retrying, so concurrent grain writes
/// stalled for whole sleeps (p99 above 600 ms at 200 updates a second). Queued in process, each
/// write waits only for the ones ahead of it. Reads are not queued: in WAL mode they never wait.
/// </summary>
public sealed class SqliteSerializedWrites(IGrainStorage inner, string databasePath) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    // Per file, not per silo: test clusters run two silos in one process on one file.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim gate = Gates.GetOrAdd(Path.GetFullPath(databasePath), _ => new SemaphoreSlim(1, 1));

    /// <summary>The ADO.NET provider that does the reading and writing.</summary>
    public IGrainStorage Inner => inner;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await gate.WaitAsync();
        try
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await gate.WaitAsync();
        try
        {
            await inner.ClearStateAsync(stateName, grainId, grainState);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
