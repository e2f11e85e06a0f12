using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ApGrid.Server.Storage;

/// <summary>
/// The grain writes of one SQLite file, committed in groups: one writer takes every write queued
/// while the last commit ran into one transaction, so a group costs one fsync instead of one each.
/// </summary>
internal sealed class SqliteWriteQueue(string connectionString)
{
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
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        writeQuery ??= await LoadWriteQueryAsync(connection).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = writeQuery;
        SqliteParameter Parameter(string name) => command.Parameters.Add(new SqliteParameter { ParameterName = "@" + name });
        var (idHash, n0, n1, typeHash, typeString, extension, service, expected, payload) = (
            Parameter("GrainIdHash"), Parameter("GrainIdN0"), Parameter("GrainIdN1"), Parameter("GrainTypeHash"), Parameter("GrainTypeString"),
            Parameter("GrainIdExtensionString"), Parameter("ServiceId"), Parameter("GrainStateVersion"), Parameter("PayloadBinary"));
        var versions = new int?[group.Count];
        for (var i = 0; i < group.Count; i++)
        {
            var write = group[i];
            idHash.Value = write.Key.GrainIdHash;
            n0.Value = write.Key.GrainIdN0;
            n1.Value = write.Key.GrainIdN1;
            typeHash.Value = write.Key.GrainTypeHash;
            typeString.Value = write.Key.GrainTypeString;
            extension.Value = (object?)write.Key.GrainIdExtensionString ?? DBNull.Value;
            service.Value = write.ServiceId;
            expected.Value = (object?)write.ExpectedVersion ?? DBNull.Value;
            payload.Value = write.Payload;
            var version = await command.ExecuteScalarAsync().ConfigureAwait(false);
            versions[i] = version is null or DBNull ? null : Convert.ToInt32(version, CultureInfo.InvariantCulture);
        }

        await transaction.CommitAsync().ConfigureAwait(false);
        Commits++;
        return versions;
    }

    private static async Task<string> LoadWriteQueryAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey'";
        return (string?)await command.ExecuteScalarAsync().ConfigureAwait(false)
            ?? throw new InvalidOperationException("OrleansQuery has no WriteToStorageKey: the storage scripts were not applied.");
    }
}
