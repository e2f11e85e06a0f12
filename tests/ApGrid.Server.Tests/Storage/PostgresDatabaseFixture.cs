using System.Data.Common;
using ApGrid.Storage;
using Npgsql;

namespace ApGrid.Server.Tests.Storage;

public sealed class PostgresDatabaseFixture : StorageDatabaseFixture
{
    private string? _connectionString;

    public override DbProviderFactory Factory => NpgsqlFactory.Instance;

    protected override async Task<StorageOptions> CreateDatabaseAsync()
    {
        _connectionString = await PostgresTestServer.CreateDatabaseAsync();
        return new StorageOptions { Provider = "postgres", ConnectionString = _connectionString };
    }

    protected override Task DropDatabaseAsync() =>
        _connectionString is null ? Task.CompletedTask : PostgresTestServer.DropDatabaseAsync(_connectionString);
}
