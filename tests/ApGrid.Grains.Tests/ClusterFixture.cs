using ApGrid.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ApGrid.Grains.Tests;

/// <summary>
/// Two in-process silos sharing one real SQLite file through the Orleans ADO.NET provider, as a
/// single machine runs ApGrid. Shared by every test in the collection.
/// </summary>
/// <remarks>
/// Each silo has a service provider of its own, but SQLite takes one writer per file, so both silos
/// are given the same <see cref="GrainWriteQueues"/> instance: the storage set-up keeps a registry
/// it finds registered, and in-process silos can be handed one object, where a static would be
/// shared by every cluster of the test run.
/// </remarks>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "apgrid-grains-" + Guid.NewGuid().ToString("N"));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public StorageOptions Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Storage = new StorageOptions { Provider = "sqlite", SqlitePath = Path.Combine(directory, "apgrid.db") };
        await StorageSchema.EnsureCreatedAsync(Storage, CancellationToken.None);

        var queues = new GrainWriteQueues();
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(queues);
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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}
