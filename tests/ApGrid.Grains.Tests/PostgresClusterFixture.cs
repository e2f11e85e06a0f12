using ApGrid.Storage;
using ApGrid.TestSupport;
using Npgsql;
using Orleans.TestingHost;

namespace ApGrid.Grains.Tests;

/// <summary>
/// One silo on a real PostgreSQL server, in a database of its own: on the server APGRID_TEST_POSTGRES
/// names, or else on a throwaway one of the test process's own (<see cref="TestPostgres"/>).
/// </summary>
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    private string connectionString = "";

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public StorageOptions Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        connectionString = await TestPostgres.CreateDatabaseAsync("apgrid_grains_");
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
        await TestPostgres.DropDatabaseAsync(connectionString);
    }
}
