using ApGrid.Grains;
using ApGrid.Server.Seeding;
using ApGrid.Server.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace ApGrid.Grains.Tests.Seeding;

/// <summary>
/// The small synthetic world seeded straight into a fresh SQLite file, then a real silo started on
/// that file: whatever the grains read back, they read from rows the seeder wrote.
/// </summary>
public sealed class SeededClusterFixture : IAsyncLifetime
{
    public const string ServiceId = "apgrid-seed-test";

    private readonly string directory = Path.Combine(Path.GetTempPath(), "apgrid-seed-" + Guid.NewGuid().ToString("N"));

    public TestCluster Cluster { get; private set; } = null!;

    public StorageOptions Storage { get; private set; } = null!;

    public DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;

    public SeedResult FirstRun { get; private set; } = null!;

    /// <summary>Placements a test has ended since the seed, so tests that compare with the seeded world stay exact in any order.</summary>
    public HashSet<string> EndedPlacements { get; } = new(StringComparer.Ordinal);

    /// <summary>The worlds as the seeder built them, rebuilt from the same plans and clock.</summary>
    public IReadOnlyList<SeedTenantWorld> Worlds { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Storage = new StorageOptions { Provider = "sqlite", SqlitePath = Path.Combine(directory, "apgrid.db") };
        FirstRun = await SeedAsync();
        Worlds = [.. SeedWorldPlan.For(SeedScale.Small).Select(plan => new SyntheticTenantBuilder(plan, Now).Build())];

        var builder = new TestClusterBuilder(1);
        builder.Options.ServiceId = ServiceId;
        builder.Properties["Storage:Provider"] = Storage.Provider;
        builder.Properties["Storage:SqlitePath"] = Storage.SqlitePath;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public Task<SeedResult> SeedAsync() =>
        new NationalSeeder(Storage, ServiceId, new FakeTimeProvider(Now)).RunAsync(SeedScale.Small, new SeedProgress(), CancellationToken.None);

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
        }
    }
}
