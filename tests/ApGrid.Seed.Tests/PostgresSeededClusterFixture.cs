using ApGrid.Storage;
using ApGrid.TestSupport;
using Npgsql;

namespace ApGrid.Seed.Tests;

/// <summary>
/// The seeded world in a database of its own on the PostgreSQL server APGRID_TEST_POSTGRES names,
/// or else on a throwaway one of the test process's own (<see cref="TestPostgres"/>).
/// </summary>
public sealed class PostgresSeededClusterFixture : SeededClusterFixture
{
    private string connectionString = "";

    protected override async Task<StorageOptions> CreateStorageAsync()
    {
        connectionString = await TestPostgres.CreateDatabaseAsync("apgrid_seed_");
        return new StorageOptions { Provider = "postgres", ConnectionString = connectionString };
    }

    protected override async Task DropStorageAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await TestPostgres.DropDatabaseAsync(connectionString);
    }
}
