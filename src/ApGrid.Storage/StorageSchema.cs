using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ApGrid.Storage;

/// Creates and upgrades the storage schema from the embedded scripts.
public static class StorageSchema
{
    // Any fixed number works as long as every node uses the same one; this one spells
    // "ApGridSc" so it is recognisable in pg_locks.
    private const long SchemaLockKey = 0x4170_4772_6964_5363;

    private static readonly Assembly ScriptAssembly = typeof(StorageSchema).Assembly;

    // Runs every script for the provider, in name order, each in its own transaction.
    // The scripts are idempotent, so running them at every start is how upgrades
    // (new query text, later scripts) reach existing databases.
    public static async Task EnsureCreatedAsync(StorageOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var scripts = LoadScripts(options);
        if (scripts.Count == 0)
        {
            throw new InvalidOperationException(
                $"No storage scripts are embedded for provider '{options.Provider}'; the build lost src/ApGrid.Storage/Scripts.");
        }

        if (options.IsPostgres)
        {
            await ApplyPostgresAsync(options.BuildConnectionString(), scripts, ct).ConfigureAwait(false);
        }
        else
        {
            await ApplySqliteAsync(options.BuildConnectionString(), scripts, ct).ConfigureAwait(false);
        }
    }

    // For readiness probes: any failure, including a malformed connection string,
    // means "not ready" rather than an exception, unless the caller gave up.
    public static async Task<bool> CanConnectAsync(StorageOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Validate();
            await using var connection = CreateConnection(options);
            await connection.OpenAsync(ct).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            var result = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
            return Convert.ToInt32(result, CultureInfo.InvariantCulture) == 1;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // a probe reports every failure as false; the kinds are open-ended (socket, auth, IO, format)
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    private static List<(string Name, string Sql)> LoadScripts(StorageOptions options)
    {
        var prefix = $"{ScriptAssembly.GetName().Name}.Scripts.{(options.IsPostgres ? "Postgres" : "Sqlite")}.";
        var result = new List<(string Name, string Sql)>();
        foreach (var resource in ScriptAssembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = ScriptAssembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Embedded script '{resource}' could not be opened.");
            using var reader = new StreamReader(stream);
            result.Add((resource[prefix.Length..], reader.ReadToEnd()));
        }

        return result;
    }

    private static DbConnection CreateConnection(StorageOptions options) => options.IsPostgres
        ? new NpgsqlConnection(options.BuildConnectionString())
        : new SqliteConnection(options.BuildConnectionString());

    private static async Task ApplySqliteAsync(
        string connectionString, IReadOnlyList<(string Name, string Sql)> scripts, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);

        // WAL is stored in the file, so setting it once here covers every connection
        // Orleans opens later. It lets readers run during a write and makes a commit a
        // single append to the log. It cannot change inside a transaction, hence first.
        var journalMode = await ScalarAsync(connection, "PRAGMA journal_mode=WAL;", ct).ConfigureAwait(false);
        if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"SQLite refused WAL journal mode (got '{journalMode}') for {connection.DataSource}.");
        }

        // synchronous is per connection and not stored in the file, so it cannot be set
        // here for Orleans's connections. The bundled SQLite defaults to FULL, which makes
        // each commit fsync the log: an acknowledged grain write survives kill -9 and
        // power loss. Refuse to run if a different native build weakened that default.
        var synchronous = await ScalarAsync(connection, "PRAGMA synchronous;", ct).ConfigureAwait(false);
        if (synchronous is not ("2" or "3"))
        {
            throw new InvalidOperationException(
                $"SQLite default synchronous level is {synchronous}, below FULL (2); acknowledged writes could be lost on power failure.");
        }

        foreach (var (_, sql) in scripts)
        {
            // BEGIN IMMEDIATE takes the write lock up front, so two processes starting
            // together apply a script one after the other instead of deadlocking.
            await using var transaction = (SqliteTransaction)await connection
                .BeginTransactionAsync(ct).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }
    }

    private static async Task ApplyPostgresAsync(
        string connectionString, IReadOnlyList<(string Name, string Sql)> scripts, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);

        foreach (var (_, sql) in scripts)
        {
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);

            // CREATE ... IF NOT EXISTS is not safe against a concurrent identical CREATE
            // (both pass the check, one fails on the catalog's unique index), so nodes
            // starting together take turns. The lock ends with the transaction.
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
            {
                lockCommand.Parameters.AddWithValue("key", SchemaLockKey);
                await lockCommand.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await using (var command = new NpgsqlCommand(sql, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
        return Convert.ToString(value, CultureInfo.InvariantCulture);
    }
}
