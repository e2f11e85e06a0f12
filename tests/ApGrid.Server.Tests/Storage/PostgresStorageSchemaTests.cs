using ApGrid.TestSupport;
using ApGrid.Storage;
using Npgsql;

namespace ApGrid.Server.Tests.Storage;

// Each test gets its own database: schema tests must start from nothing.
[Trait("Category", "Postgres")]
public sealed class PostgresStorageSchemaTests : IAsyncLifetime
{
    private StorageOptions _options = new();

    public async Task InitializeAsync()
    {
        _options = new StorageOptions
        {
            Provider = "postgres",
            ConnectionString = await TestPostgres.CreateDatabaseAsync("apgrid_t_"),
        };
    }

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(_options.ConnectionString!);

    [Fact]
    public async Task Applying_the_schema_twice_is_harmless_and_keeps_data()
    {
        await StorageSchema.EnsureCreatedAsync(_options, CancellationToken.None);
        await ScalarAsync(
            "INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, ServiceId, Version) " +
            "VALUES (1, 2, 3, 4, 't', 's', 1)");

        await StorageSchema.EnsureCreatedAsync(_options, CancellationToken.None);

        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM OrleansStorage"));
        Assert.Equal(3L, await ScalarAsync(
            "SELECT count(*) FROM OrleansQuery WHERE QueryKey IN ('ReadFromStorageKey','WriteToStorageKey','ClearStorageKey')"));
    }

    [Fact]
    public async Task Concurrent_schema_application_from_several_nodes_succeeds()
    {
        // Without the advisory lock, parallel CREATE TABLE IF NOT EXISTS fails on the catalog.
        await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(_ => Task.Run(() => StorageSchema.EnsureCreatedAsync(_options, CancellationToken.None))));

        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM OrleansStorage"));
    }

    [Fact]
    public async Task CanConnect_is_true_for_the_test_server()
    {
        Assert.True(await StorageSchema.CanConnectAsync(_options, CancellationToken.None));
    }

    [Fact]
    public async Task CanConnect_is_false_for_a_wrong_password()
    {
        var bad = new NpgsqlConnectionStringBuilder(_options.ConnectionString) { Password = "wrong" };

        Assert.False(await StorageSchema.CanConnectAsync(
            new StorageOptions { Provider = "postgres", ConnectionString = bad.ConnectionString }, CancellationToken.None));
    }

    [Fact]
    public async Task CanConnect_is_false_when_nothing_listens()
    {
        var bad = new NpgsqlConnectionStringBuilder(_options.ConnectionString) { Port = 1, Timeout = 3 };

        Assert.False(await StorageSchema.CanConnectAsync(
            new StorageOptions { Provider = "postgres", ConnectionString = bad.ConnectionString }, CancellationToken.None));
    }

    [Fact]
    public async Task CanConnect_is_false_for_a_malformed_connection_string()
    {
        Assert.False(await StorageSchema.CanConnectAsync(
            new StorageOptions { Provider = "postgres", ConnectionString = "this is not=a;connection string" }, CancellationToken.None));
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_options.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
