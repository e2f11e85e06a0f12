using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ApGrid.Server.Storage;

/// <summary>
/// Applies our SQL scripts (embedded in this assembly, one folder per database) in name order.
/// Every script is idempotent, so this runs at every start.
/// </summary>
public static class StorageSchema
{
    public static async Task EnsureCreatedAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        await using var connection = Open(options);
        await connection.OpenAsync(cancellationToken);
        if (options.IsSqlite)
        {
            // WAL survives in the file; synchronous=FULL makes every commit durable before it returns.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        }

        foreach (var script in Scripts(options.IsSqlite ? "Sqlite" : "Postgres"))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (!options.IsSqlite)
            {
                // Nodes starting together take turns instead of racing on CREATE.
                await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(727274);", cancellationToken);
            }

            await ExecuteAsync(connection, transaction, script, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    public static async Task<bool> CanConnectAsync(StorageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            await using var connection = Open(options);
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, null, "SELECT 1;", cancellationToken);
            return true;
        }
        catch (DbException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static DbConnection Open(StorageOptions options) => options.IsSqlite
        ? new SqliteConnection(options.BuildConnectionString())
        : new NpgsqlConnection(options.ConnectionString);

    private static IEnumerable<string> Scripts(string folder)
    {
        var assembly = typeof(StorageSchema).Assembly;
        var prefix = $"{assembly.GetName().Name}.Storage.Scripts.{folder}.";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return reader.ReadToEnd();
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
