using ApGrid.Storage;
using Microsoft.Data.Sqlite;

namespace ApGrid.Seed.Tests;

/// <summary>The seeded world in a fresh SQLite file, the default single-machine storage.</summary>
public sealed class SqliteSeededClusterFixture : SeededClusterFixture
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "apgrid-seed-" + Guid.NewGuid().ToString("N"));

    protected override Task<StorageOptions> CreateStorageAsync() =>
        Task.FromResult(new StorageOptions { Provider = "sqlite", SqlitePath = Path.Combine(directory, "apgrid.db") });

    protected override Task DropStorageAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
