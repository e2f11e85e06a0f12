using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ApGrid.Storage;

/// <summary>
/// The grain writes of one database, committed in groups: one writer takes every write queued while
/// the last commit ran into one transaction, so a group costs one commit (one fsync) instead of one each.
/// </summary>
internal sealed partial class GrainWriteQueue(StorageOptions options, ILogger? logger)
{
    private readonly string connectionString = WriterConnectionString(options);

    private readonly Lock sync = new();
    private List<PendingGrainWrite> queued = [];
    private bool running;
    private string? writeQuery;

    /// <summary>Held by a commit; anything else that writes the file through Orleans takes it too.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Transactions committed; with concurrent writers, fewer than the writes.</summary>
    public long Commits { get; private set; }

    public Task<int?> WriteAsync(PendingGrainWrite write)
    {
        bool start;
        lock (sync)
        {
            queued.Add(write);
            start = !running;
            running = true;
        }

        // The writer runs on the thread pool, never on the calling grain's scheduler.
        if (start) _ = Task.Run(RunAsync);
        return write.Stored.Task;
    }

    private async Task RunAsync()
    {
        while (true)
        {
            List<PendingGrainWrite> group;
            lock (sync)
            {
                if (queued.Count == 0)
                {
                    running = false;
                    return;
                }

                group = queued;
                queued = [];
            }

            await Gate.WaitAsync().ConfigureAwait(false);
            try
            {
                var versions = await CommitAsync(group).ConfigureAwait(false);
                for (var i = 0; i < group.Count; i++) group[i].Stored.TrySetResult(versions[i]);
            }
#pragma warning disable CA1031 // every failure goes to the writers of the group, none of which was stored
            catch (Exception ex)
#pragma warning restore CA1031
            {
                // Orleans's provider logged its own failed writes; one failed commit fails a whole group.
                if (logger is not null) LogGroupFailed(logger, ex, group.Count);
                foreach (var write in group) write.Stored.TrySetException(ex);
            }
            finally
            {
                Gate.Release();
            }
        }
    }

    /// <summary>
    /// Runs Orleans's own WriteToStorageKey statement for each write, in one transaction. A write
    /// whose version does not match changes nothing and gets null, as with Orleans's provider; the
    /// others in the group are unaffected. An error rolls back the whole group.
    /// </summary>
    private async Task<int?[]> CommitAsync(List<PendingGrainWrite> group)
    {
        await using DbConnection connection = options.IsPostgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        writeQuery ??= await OrleansAdoNetStorage.LoadWriteQueryAsync(connection).ConfigureAwait(false);
        // On SQLite this is BEGIN IMMEDIATE: the write lock is taken before the first statement.
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        var versions = connection is NpgsqlConnection postgres
            ? await WriteBatchedAsync(postgres, (NpgsqlTransaction)transaction, group, writeQuery).ConfigureAwait(false)
            : await WriteOneByOneAsync(connection, transaction, group, writeQuery).ConfigureAwait(false);
        await WriteOutboxIndexAsync(connection, transaction, group, versions).ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
        Commits++;
        return versions;
    }

    /// <summary>SQLite is in process: a statement costs no round trip, so one prepared command serves the group.</summary>
    private static async Task<int?[]> WriteOneByOneAsync(DbConnection connection, DbTransaction transaction, List<PendingGrainWrite> group, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var row = new GrainStorageRowParameters(command.CreateParameter, command.Parameters);
        var expected = DbParameters.Add(command.CreateParameter, command.Parameters, OrleansAdoNetStorage.ExpectedVersionParameter, DbType.Int32);
        var versions = new int?[group.Count];
        for (var i = 0; i < group.Count; i++)
        {
            row.Set(group[i].Key, group[i].ServiceId, group[i].Payload);
            expected.Value = (object?)group[i].ExpectedVersion ?? DBNull.Value;
            versions[i] = VersionOf(await command.ExecuteScalarAsync().ConfigureAwait(false));
        }

        return versions;
    }

    /// <summary>
    /// PostgreSQL: the whole group in one batch, one round trip with the transaction's BEGIN in front
    /// of it, where a statement at a time cost a round trip (and the wake-ups around it) per write.
    /// </summary>
    private static async Task<int?[]> WriteBatchedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<PendingGrainWrite> group, string sql)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var write in group)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            new GrainStorageRowParameters(command.CreateParameter, command.Parameters).Set(write.Key, write.ServiceId, write.Payload);
            DbParameters.Add(command.CreateParameter, command.Parameters, OrleansAdoNetStorage.ExpectedVersionParameter, DbType.Int32, (object?)write.ExpectedVersion ?? DBNull.Value);
            batch.BatchCommands.Add(command);
        }

        var versions = new int?[group.Count];
        await using var reader = await batch.ExecuteReaderAsync().ConfigureAwait(false);
        for (var i = 0; i < group.Count; i++)
        {
            // Each statement answers one row: the new version, or null when the expected one did not match.
            if (i > 0) await reader.NextResultAsync().ConfigureAwait(false);
            versions[i] = await reader.ReadAsync().ConfigureAwait(false) ? VersionOf(reader.GetValue(0)) : null;
        }

        return versions;
    }

    /// <summary>Adds or removes each stored write's grain in the outbox index, as its outbox said; a write refused on its version changed nothing, so neither does its index row.</summary>
    private static async Task WriteOutboxIndexAsync(DbConnection connection, DbTransaction transaction, List<PendingGrainWrite> group, int?[] versions)
    {
        DbCommand? mark = null, unmark = null;
        try
        {
            for (var i = 0; i < group.Count; i++)
            {
                var write = group[i];
                if (versions[i] is null || write.HasPendingMessages is not { } owes) continue;
                var statement = owes
                    ? mark ??= OutboxIndexCommand(connection, transaction, OutboxIndexStatements.Mark, withTime: true)
                    : unmark ??= OutboxIndexCommand(connection, transaction, OutboxIndexStatements.Unmark, withTime: false);
                statement.Parameters["ServiceId"].Value = write.ServiceId;
                statement.Parameters["GrainId"].Value = write.GrainId;
                if (owes) statement.Parameters["MarkedAt"].Value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                await statement.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            if (mark is not null) await mark.DisposeAsync().ConfigureAwait(false);
            if (unmark is not null) await unmark.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// On PostgreSQL the writer's connections skip Npgsql's reset on return to the pool. With prepared
    /// statements on the connection that reset is seven statements (DISCARD ALL less its DEALLOCATE),
    /// sent ahead of a group's batch; skipping it, PostgreSQL takes about a fifth more updates a
    /// second here (docs/benchmarks.md). The writer's transactions set no session state for a reset to undo.
    /// The changed string gives the writer a pool of its own, so nothing else skips the reset.
    /// </summary>
    private static string WriterConnectionString(StorageOptions options) => options.IsPostgres
        ? new NpgsqlConnectionStringBuilder(options.BuildConnectionString()) { NoResetOnClose = true }.ConnectionString
        : options.BuildConnectionString();

    private static int? VersionOf(object? value) => value is null or DBNull ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture);

    private static DbCommand OutboxIndexCommand(DbConnection connection, DbTransaction transaction, string sql, bool withTime)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        DbParameters.Add(command.CreateParameter, command.Parameters, "ServiceId", DbType.String);
        DbParameters.Add(command.CreateParameter, command.Parameters, "GrainId", DbType.String);
        if (withTime) DbParameters.Add(command.CreateParameter, command.Parameters, "MarkedAt", DbType.Int64);
        return command;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A group commit of {Count} grain writes failed; none of them was stored")]
    private static partial void LogGroupFailed(ILogger logger, Exception exception, int count);
}
