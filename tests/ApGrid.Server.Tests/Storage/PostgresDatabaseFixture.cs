using ApGrid.TestSupport;
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
        _connectionString = await TestPostgres.CreateDatabaseAsync("apgrid_t_");
        return new StorageOptions { Provider = "postgres", ConnectionString = _connectionString };
    }

    protected override Task DropDatabaseAsync() =>
        _connectionString is null ? Task.CompletedTask : TestPostgres.DropDatabaseAsync(_connectionString);
}
