using System.Data.Common;
using ApGrid.Storage;
using Microsoft.Data.Sqlite;

namespace ApGrid.Server.Tests.Storage;

public sealed class SqliteDatabaseFixture : StorageDatabaseFixture
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "apgrid-storage-" + Guid.NewGuid().ToString("N"));

    public override DbProviderFactory Factory => SqliteFactory.Instance;

    protected override Task<StorageOptions> CreateDatabaseAsync() => Task.FromResult(new StorageOptions
    {
        Provider = "sqlite",
        SqlitePath = Path.Combine(_directory, "nested", "apgrid.db"),
    });

    protected override Task DropDatabaseAsync()
    {
        // Pooled connections keep the file open; release them before deleting.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
