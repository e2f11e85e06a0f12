using Microsoft.Data.Sqlite;

namespace ApGrid.Server.Storage;

/// <summary>The "Storage" configuration section: which database holds grain state.</summary>
public sealed class StorageOptions
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public string Provider { get; set; } = Sqlite;

    public string SqlitePath { get; set; } = "data/apgrid.db";

    public string ConnectionString { get; set; } = "";

    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    /// <summary>Orleans's name for the ADO.NET provider; Orleans maps the SQLite one to Microsoft.Data.Sqlite.</summary>
    public string AdoInvariant => IsSqlite ? "System.Data.SQLite" : "Npgsql";

    public void Validate()
    {
        if (!IsSqlite && !string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Storage:Provider must be '{Sqlite}' or '{Postgres}', not '{Provider}'.");
        }

        if (IsSqlite && string.IsNullOrWhiteSpace(SqlitePath))
        {
            throw new InvalidOperationException("Storage:SqlitePath must name a file when Storage:Provider is sqlite.");
        }

        if (!IsSqlite && string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new InvalidOperationException("Storage:ConnectionString is required when Storage:Provider is postgres.");
        }
    }

    /// <summary>
    /// For SQLite: the full path, its folder created, and a busy timeout so that concurrent writers
    /// wait for the lock instead of failing.
    /// </summary>
    public string BuildConnectionString()
    {
        if (!IsSqlite) return ConnectionString;
        var path = Path.GetFullPath(SqlitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }
}
