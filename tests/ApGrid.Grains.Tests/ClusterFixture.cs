using ApGrid.Grains;
using ApGrid.Server.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace ApGrid.Grains.Tests;

/// <summary>
/// Two in-process silos sharing one real SQLite file through the Orleans ADO.NET provider, as a
/// single machine runs ApGrid. Shared by every test in the collection.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "apgrid-grains-" + Guid.NewGuid().ToString("N"));

    public TestCluster Cluster { get; private set; } = null!;

    public StorageOptions Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Storage = new StorageOptions { Provider = "sqlite", SqlitePath = Path.Combine(directory, "apgrid.db") };
        await StorageSchema.EnsureCreatedAsync(Storage, CancellationToken.None);

        var builder = new TestClusterBuilder(2);
        builder.Properties["Storage:Provider"] = Storage.Provider;
        builder.Properties["Storage:SqlitePath"] = Storage.SqlitePath;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
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

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var storage = siloBuilder.Configuration.GetSection("Storage").Get<StorageOptions>()!;
            siloBuilder.AddApGridStorage(storage);
            siloBuilder.AddApGridGrains();

            // Settings look at unconfirmed holds every second here, so a test sees a stale one dealt with.
        }
    }
}
