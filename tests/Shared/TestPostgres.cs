using Npgsql;

namespace ApGrid.TestSupport;

/// <summary>
/// The PostgreSQL server the storage tests create their databases on: the one APGRID_TEST_POSTGRES
/// names (CI's `.ci/postgres.sh`), or else one throwaway server per test process, started from the
/// installed binaries on first use and removed after the process ends, so a fresh clone needs
/// nothing exported.
/// </summary>
internal static class TestPostgres
{
    public const string VariableName = "APGRID_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Own = new(StartOwnAsync);

    public static Task<string> AdminConnectionStringAsync() =>
        Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } value ? Task.FromResult(value) : Own.Value;

    /// <summary>A new empty database; its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var admin = await AdminConnectionStringAsync();
        var name = prefix + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync(await AdminConnectionStringAsync(), $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static async Task<string> StartOwnAsync()
    {
        var server = await PrivatePostgres.StartAsync();
        // xunit v2 has no per-assembly teardown; the process's end is the one moment every test is done with it.
        server.RemoveWhenThisProcessEnds();
        return server.AdminConnectionString;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
