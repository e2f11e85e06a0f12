using Microsoft.Data.Sqlite;
using Npgsql;

namespace ApGrid.Storage;

/// Where grain state lives; bound from the "Storage" configuration section.
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string SqliteProvider = "sqlite";
    public const string PostgresProvider = "postgres";

    // Orleans maps this invariant to Microsoft.Data.Sqlite.SqliteFactory itself;
    // "System.Data.SQLite" is its name for SQLite, not the System.Data.SQLite package.
    public const string SqliteInvariant = "System.Data.SQLite";
    public const string PostgresInvariant = "Npgsql";

    public string Provider { get; set; } = SqliteProvider;

    public string SqlitePath { get; set; } = "data/apgrid.db";

    public string? ConnectionString { get; set; }

    /// <summary>How often <see cref="OutboxSweep"/> looks for grains whose outbox still holds messages.</summary>
    public TimeSpan OutboxSweepPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a grain's outbox may hold messages before the sweep wakes it. Pupils are collected two
    /// to two and a half minutes after their last call, clearing their mark as they go.
    /// </summary>
    public TimeSpan OutboxSweepAge { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsPostgres => string.Equals(Provider?.Trim(), PostgresProvider, StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => string.Equals(Provider?.Trim(), SqliteProvider, StringComparison.OrdinalIgnoreCase);

    public string AdoInvariant
    {
        get
        {
            Validate();
            return IsPostgres ? PostgresInvariant : SqliteInvariant;
        }
    }

    public string BuildConnectionString()
    {
        Validate();
        if (IsPostgres)
        {
            return WithAutoPrepare(ConnectionString!);
        }

        var fullPath = Path.GetFullPath(SqlitePath);
        var directory = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Microsoft.Data.Sqlite retries SQLITE_BUSY until this many seconds pass, so
            // concurrent writers queue behind the file lock instead of failing at once.
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }

    /// <summary>Statements Npgsql prepares on each connection once they have run a few times, unless the connection string says otherwise.</summary>
    public const int DefaultMaxAutoPrepare = 32;

    /// <summary>
    /// Orleans sends the same few statements for every grain write and read. Unprepared, PostgreSQL
    /// plans each one again, which costs more than the write itself: prepared, the grain write query
    /// ran 2.4-4 times as fast (pgbench, same query, same machine). An operator who sets Max Auto
    /// Prepare (0 for a pooler that cannot hold prepared statements) keeps that value.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(k => string.Equals(k.Replace(" ", "", StringComparison.Ordinal), "MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = DefaultMaxAutoPrepare }.ConnectionString;
    }

    public void Validate()
    {
        if (!IsSqlite && !IsPostgres)
        {
            throw new InvalidOperationException(
                $"{SectionName}:{nameof(Provider)} must be '{SqliteProvider}' or '{PostgresProvider}' (was '{Provider}').");
        }

        if (IsSqlite && string.IsNullOrWhiteSpace(SqlitePath))
        {
            throw new InvalidOperationException(
                $"{SectionName}:{nameof(SqlitePath)} is required when {SectionName}:{nameof(Provider)} is {SqliteProvider}.");
        }

        if (OutboxSweepPeriod <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(OutboxSweepPeriod)} must be above zero (was {OutboxSweepPeriod}).");
        }

        if (OutboxSweepAge < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}:{nameof(OutboxSweepAge)} must not be negative (was {OutboxSweepAge}).");
        }

        if (IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(ConnectionString))
            {
                throw new InvalidOperationException(
                    $"{SectionName}:{nameof(ConnectionString)} is required when {SectionName}:{nameof(Provider)} is {PostgresProvider}.");
            }

            try
            {
                _ = new NpgsqlConnectionStringBuilder(ConnectionString);
            }
            catch (ArgumentException ex)
            {
                // The message must not echo the string itself: it usually holds a password.
                throw new InvalidOperationException(
                    $"{SectionName}:{nameof(ConnectionString)} is not a valid PostgreSQL connection string: {ex.Message}", ex);
            }
        }
    }
}
