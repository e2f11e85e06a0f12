using System.Data;
using System.Data.Common;
using ApGrid.Grains.Abstractions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace ApGrid.Storage;

/// <summary>
/// Wakes the grains whose stored state holds undelivered outbox messages (ApGridOutboxIndex), so that what a
/// change owes the LA and the change feed is made even when nobody reads that pupil again. Once when
/// the silo starts, every mark: after a crash, the marks are what the dead process left. Then, each
/// <see cref="StorageOptions.OutboxSweepPeriod"/>, the marks older than
/// <see cref="StorageOptions.OutboxSweepAge"/>: a live activation clears its own mark when it is
/// collected, well inside that age, so an older mark is one whose activation died with another node.
/// Waking a grain costs one call and one write, which clears its mark once it owes nothing. Times are
/// the machine's own clock, as the marks' are (not the adjustable clock of a demo).
/// </summary>
public sealed partial class OutboxSweep(
    StorageOptions storage, IOptions<ClusterOptions> cluster, IGrainFactory grains, ILogger<OutboxSweep> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private const int BatchSize = 10_000;
    private const int ConcurrentWakes = 8;

    private readonly CancellationTokenSource stopping = new();
    private Task? running;

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(nameof(OutboxSweep), ServiceLifecycleStage.Active, _ =>
        {
            // In the background: a silo is ready without waiting for every owed call to be made.
            running = Task.Run(() => RunAsync(stopping.Token), CancellationToken.None);
            return Task.CompletedTask;
        }, async _ =>
        {
            await stopping.CancelAsync();
            if (running is not null) await running.ConfigureAwait(false);
        });
    }

    public void Dispose() => stopping.Dispose();

    /// <summary>Wakes every grain marked at or before <paramref name="markedBefore"/> (up to a batch); returns how many answered.</summary>
    public async Task<int> SweepAsync(DateTimeOffset markedBefore, CancellationToken cancellationToken)
    {
        var marked = await ReadMarkedAsync(markedBefore, cancellationToken).ConfigureAwait(false);
        var woken = 0;
        await Parallel.ForEachAsync(marked, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentWakes, CancellationToken = cancellationToken }, async (id, _) =>
        {
            if (!GrainId.TryParse(id, out var grainId))
            {
                LogUnreadableMark(logger, id);
                return;
            }

            try
            {
                // Grain calls carry their tenant; a pupil's key starts with it.
                await TenantContext.RunAsync(GrainKeys.TenantOf(grainId.Key.ToString()!), grains.GetGrain<IOutboxOwner>(grainId).ResumeOutboxAsync)
                    .ConfigureAwait(false);
                Interlocked.Increment(ref woken);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Still marked: the next sweep tries again.
                LogWakeFailed(logger, ex, id);
            }
        }).ConfigureAwait(false);
        return woken;
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var markedBefore = DateTimeOffset.UtcNow;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var woken = await SweepAsync(markedBefore, cancellationToken).ConfigureAwait(false);
                if (woken > 0) LogSwept(logger, woken);
                await Task.Delay(storage.OutboxSweepPeriod, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The database may be away for a while; the marks wait in it.
                LogSweepFailed(logger, ex);
                try
                {
                    await Task.Delay(storage.OutboxSweepPeriod, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            markedBefore = DateTimeOffset.UtcNow - storage.OutboxSweepAge;
        }
    }

    private async Task<List<string>> ReadMarkedAsync(DateTimeOffset markedBefore, CancellationToken cancellationToken)
    {
        await using DbConnection connection = storage.IsPostgres
            ? new NpgsqlConnection(storage.BuildConnectionString())
            : new SqliteConnection(storage.BuildConnectionString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = OutboxIndexStatements.MarkedBefore;
        DbParameters.Add(command.CreateParameter, command.Parameters, "ServiceId", DbType.String, cluster.Value.ServiceId);
        DbParameters.Add(command.CreateParameter, command.Parameters, "Before", DbType.Int64, markedBefore.ToUnixTimeMilliseconds());
        DbParameters.Add(command.CreateParameter, command.Parameters, "Limit", DbType.Int32, BatchSize);
        var marked = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) marked.Add(reader.GetString(0));
        return marked;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Woke {Count} grains with undelivered outbox messages")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not wake {GrainId}, which has undelivered outbox messages; the next sweep tries again")]
    private static partial void LogWakeFailed(ILogger logger, Exception ex, string grainId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox sweep failed; it runs again after its period")]
    private static partial void LogSweepFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "ApGridOutboxIndex holds '{GrainId}', which is not a grain id")]
    private static partial void LogUnreadableMark(ILogger logger, string grainId);
}
