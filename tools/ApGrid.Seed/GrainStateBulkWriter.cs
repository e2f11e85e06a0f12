using System.Data;
using System.Data.Common;
using ApGrid.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ApGrid.Seed;

/// <summary>
/// Inserts OrleansStorage rows in large transactions, as first writes by Orleans's provider leave
/// them: version 1, a payload, ModifiedOn now. A row that exists already is left untouched (ON
/// CONFLICT DO NOTHING on the table's unique grain index), so a re-run never duplicates a grain nor
/// overwrites what a user changed since. Going through grains would cost one fsynced commit per
/// write; a tenant here is one commit.
/// </summary>
public sealed class GrainStateBulkWriter : IAsyncDisposable
{
    // Enough statements per PostgreSQL round trip to hide the latency, few enough to keep a batch's memory small.
    private const int PostgresBatchSize = 500;

    private const string Columns = "GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version";

    private readonly DbConnection connection;
    private readonly bool postgres;
    private readonly string serviceId;

    private GrainStateBulkWriter(DbConnection connection, bool postgres, string serviceId)
    {
        this.connection = connection;
        this.postgres = postgres;
        this.serviceId = serviceId;
    }

    private string InsertSql => postgres
        ? $"INSERT INTO OrleansStorage ({Columns}) VALUES (@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString::varchar, @ServiceId, @PayloadBinary, now(), 1) ON CONFLICT DO NOTHING"
        : $"INSERT INTO OrleansStorage ({Columns}) VALUES (@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @PayloadBinary, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1) ON CONFLICT DO NOTHING";

    public static async Task<GrainStateBulkWriter> OpenAsync(StorageOptions storage, string serviceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        DbConnection connection = storage.IsPostgres
            ? new NpgsqlConnection(storage.BuildConnectionString())
            : new SqliteConnection(storage.BuildConnectionString());
        await connection.OpenAsync(cancellationToken);
        return new GrainStateBulkWriter(connection, storage.IsPostgres, serviceId);
    }

    /// <summary>Whether the row of this grain exists (with or without a payload).</summary>
    public async Task<bool> ExistsAsync(GrainStorageRowKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM OrleansStorage WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId"
            + " AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString"
            + (key.GrainIdExtensionString is null ? " AND GrainIdExtensionString IS NULL" : " AND GrainIdExtensionString = @GrainIdExtensionString");
        AddKey(command, key);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>Writes all rows in one transaction.</summary>
    /// <returns>How many rows were new.</returns>
    public async Task<int> WriteAsync(IReadOnlyList<GrainStateRow> rows, Action<int>? written, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = postgres
            ? await WriteBatchedAsync(rows, transaction, written, cancellationToken)
            : await WritePreparedAsync(rows, transaction, written, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private async Task<int> WritePreparedAsync(IReadOnlyList<GrainStateRow> rows, DbTransaction transaction, Action<int>? written, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InsertSql;
        var parameters = new GrainStorageRowParameters(command.CreateParameter, command.Parameters);
        command.Prepare();
        var inserted = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            parameters.Set(rows[i].Key, serviceId, rows[i].Payload);
            inserted += await command.ExecuteNonQueryAsync(cancellationToken);
            if ((i + 1) % 1000 == 0) written?.Invoke(1000);
        }

        written?.Invoke(rows.Count % 1000);
        return inserted;
    }

    private async Task<int> WriteBatchedAsync(IReadOnlyList<GrainStateRow> rows, DbTransaction transaction, Action<int>? written, CancellationToken cancellationToken)
    {
        var inserted = 0;
        foreach (var chunk in rows.Chunk(PostgresBatchSize))
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var row in chunk)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = InsertSql;
                new GrainStorageRowParameters(command.CreateParameter, command.Parameters).Set(row.Key, serviceId, row.Payload);
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
            inserted += batch.BatchCommands.Sum(c => c.RecordsAffected);
            written?.Invoke(chunk.Length);
        }

        return inserted;
    }

    private void AddKey(DbCommand command, GrainStorageRowKey key)
    {
        void Add(string name, object? value, DbType type) => DbParameters.Add(command.CreateParameter, command.Parameters, name, type, value ?? DBNull.Value);

        Add("GrainIdHash", key.GrainIdHash, DbType.Int32);
        Add("GrainTypeHash", key.GrainTypeHash, DbType.Int32);
        Add("ServiceId", serviceId, DbType.String);
        Add("GrainIdN0", key.GrainIdN0, DbType.Int64);
        Add("GrainIdN1", key.GrainIdN1, DbType.Int64);
        Add("GrainTypeString", key.GrainTypeString, DbType.String);
        if (key.GrainIdExtensionString is not null) Add("GrainIdExtensionString", key.GrainIdExtensionString, DbType.String);
    }
}
