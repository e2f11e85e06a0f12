using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using ApGrid.Server.Seeding;
using Npgsql;

namespace ApGrid.Server.Storage;

/// <summary>
/// The grain writes of one database, committed in groups: one writer takes every write queued while
/// the last commit ran into one transaction, so a group costs one commit (one fsync) instead of one each.
/// </summary>
internal sealed partial class GrainWriteQueue(StorageOptions options, ILogger? logger)
{
    private readonly string connectionString = options.BuildConnectionString();

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
        writeQuery ??= await LoadWriteQueryAsync(connection).ConfigureAwait(false);
        // On SQLite this is BEGIN IMMEDIATE: the write lock is taken before the first statement.
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = writeQuery;
        var row = new GrainStorageRowParameters(command.CreateParameter, command.Parameters);
        var expected = command.CreateParameter();
        expected.ParameterName = "GrainStateVersion";
        expected.DbType = DbType.Int32;
        command.Parameters.Add(expected);
        var versions = new int?[group.Count];
        DbCommand? mark = null, unmark = null;
        try
        {
            for (var i = 0; i < group.Count; i++)
            {
                var write = group[i];
                row.Set(write.Key, write.ServiceId, write.Payload);
                expected.Value = (object?)write.ExpectedVersion ?? DBNull.Value;
                var version = await command.ExecuteScalarAsync().ConfigureAwait(false);
                versions[i] = version is null or DBNull ? null : Convert.ToInt32(version, CultureInfo.InvariantCulture);

                // A write refused on its version changed nothing, so neither does its mark.
                if (versions[i] is null || write.OwesFollowUps is not { } owes) continue;
                var statement = owes
                    ? mark ??= FollowUpCommand(connection, transaction, FollowUpMarks.Mark, withTime: true)
                    : unmark ??= FollowUpCommand(connection, transaction, FollowUpMarks.Unmark, withTime: false);
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

        await transaction.CommitAsync().ConfigureAwait(false);
        Commits++;
        return versions;
    }

    private static DbCommand FollowUpCommand(DbConnection connection, DbTransaction transaction, string sql, bool withTime)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Add(command, "ServiceId", DbType.String);
        Add(command, "GrainId", DbType.String);
        if (withTime) Add(command, "MarkedAt", DbType.Int64);
        return command;

        static void Add(DbCommand command, string name, DbType type)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = type;
            command.Parameters.Add(parameter);
        }
    }

    private static async Task<string> LoadWriteQueryAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey'";
        return (string?)await command.ExecuteScalarAsync().ConfigureAwait(false)
            ?? throw new InvalidOperationException("OrleansQuery has no WriteToStorageKey: the storage scripts were not applied.");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A group commit of {Count} grain writes failed; none of them was stored")]
    private static partial void LogGroupFailed(ILogger logger, Exception exception, int count);
}
