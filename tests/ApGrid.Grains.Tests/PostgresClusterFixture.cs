using ApGrid.Storage;
using Npgsql;
using Orleans.TestingHost;

namespace ApGrid.Grains.Tests;

/// <summary>
/// One silo on a real PostgreSQL server, in a database of its own. The server comes from
/// APGRID_TEST_POSTGRES, which `.ci/postgres.sh` sets up; without it these tests fail, never skip.
/// </summary>
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    private readonly string database = "apgrid_grains_" + Guid.NewGuid().ToString("N")[..12];
    private string adminConnectionString = "";

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public StorageOptions Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        adminConnectionString = Environment.GetEnvironmentVariable("APGRID_TEST_POSTGRES")
            ?? throw new InvalidOperationException("APGRID_TEST_POSTGRES is not set: run `eval \"$(bash .ci/postgres.sh)\"` first.");
        await ExecuteAsync($"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database }.ConnectionString;
        Storage = new StorageOptions { Provider = "postgres", ConnectionString = connectionString };
        await StorageSchema.EnsureCreatedAsync(Storage, CancellationToken.None);

        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddApGridStorage(Storage);
            silo.AddApGridGrains();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
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
