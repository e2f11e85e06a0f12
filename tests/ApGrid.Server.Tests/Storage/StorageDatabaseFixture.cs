using System.Data.Common;
using ApGrid.Storage;

namespace ApGrid.Server.Tests.Storage;

// One fresh, schema-applied database per test class, so classes never see each
// other's rows and can run in parallel.
public abstract class StorageDatabaseFixture : IAsyncLifetime
{
    private StorageOptions? _options;

    public StorageOptions Options => _options ?? throw new InvalidOperationException("Fixture not initialised.");

    public abstract DbProviderFactory Factory { get; }

    public async Task InitializeAsync()
    {
        _options = await CreateDatabaseAsync();
        await StorageSchema.EnsureCreatedAsync(_options, CancellationToken.None);
    }

    public Task DisposeAsync() => DropDatabaseAsync();

    public DbConnection CreateConnection()
    {
        var connection = Factory.CreateConnection()
            ?? throw new InvalidOperationException("Provider factory returned no connection.");
        connection.ConnectionString = Options.BuildConnectionString();
        return connection;
    }

    protected abstract Task<StorageOptions> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();
}
