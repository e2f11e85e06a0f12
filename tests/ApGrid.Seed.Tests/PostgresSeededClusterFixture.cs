using ApGrid.Storage;
using Npgsql;

namespace ApGrid.Seed.Tests;

/// <summary>
/// The seeded world in a database of its own on the PostgreSQL server from APGRID_TEST_POSTGRES
/// (`.ci/postgres.sh`); without it these tests fail, never skip.
/// </summary>
public sealed class PostgresSeededClusterFixture : SeededClusterFixture
{
    private readonly string database = "apgrid_seed_" + Guid.NewGuid().ToString("N")[..12];
    private string adminConnectionString = "";

    protected override async Task<StorageOptions> CreateStorageAsync()
    {
        adminConnectionString = Environment.GetEnvironmentVariable("APGRID_TEST_POSTGRES")
            ?? throw new InvalidOperationException("APGRID_TEST_POSTGRES is not set: run `eval \"$(bash .ci/postgres.sh)\"` first.");
        await ExecuteAsync($"CREATE DATABASE {database}");
        return new StorageOptions
        {
            Provider = "postgres",
            ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database }.ConnectionString,
        };
    }

    protected override async Task DropStorageAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
