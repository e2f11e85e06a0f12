using System.Data.Common;
using ApGrid.Grains;
using ApGrid.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace ApGrid.Seed.Tests;

/// <summary>
/// The small synthetic world seeded straight into fresh storage, then a real silo started on it:
/// whatever the grains read back, they read from rows the seeder wrote.
/// </summary>
public abstract class SeededClusterFixture : IAsyncLifetime
{
    public const string ServiceId = "apgrid-seed-test";

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
        Storage = await CreateStorageAsync();
        FirstRun = await SeedAsync();
        Worlds = [.. SeedWorldPlan.For(SeedScale.Small).Select(plan => new SyntheticTenantBuilder(plan, Now).Build())];

        var builder = new TestClusterBuilder(1);
        builder.Options.ServiceId = ServiceId;
        builder.Properties["Storage:Provider"] = Storage.Provider;
        builder.Properties["Storage:SqlitePath"] = Storage.SqlitePath;
        if (Storage.ConnectionString is { } connectionString) builder.Properties["Storage:ConnectionString"] = connectionString;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public Task<SeedResult> SeedAsync() =>
        new NationalSeeder(Storage, ServiceId, new FakeTimeProvider(Now)).RunAsync(SeedScale.Small, new SeedProgress(), CancellationToken.None);

    /// <summary>The first column of every row of a query on the seeded storage.</summary>
    public async Task<List<long>> QueryAsync(string sql)
    {
        await using DbConnection connection = Storage.IsPostgres
            ? new NpgsqlConnection(Storage.ConnectionString)
            : new SqliteConnection($"Data Source={Storage.SqlitePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        return values;
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await DropStorageAsync();
    }

    protected abstract Task<StorageOptions> CreateStorageAsync();

    protected abstract Task DropStorageAsync();

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
