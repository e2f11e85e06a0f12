using ApGrid.Storage;
using Microsoft.Data.Sqlite;

namespace ApGrid.Server.Tests.Storage;

public sealed class SqliteStorageSchemaTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "apgrid-schema-" + Guid.NewGuid().ToString("N"));
    private readonly StorageOptions _options;

    public SqliteStorageSchemaTests()
    {
        _options = new StorageOptions { SqlitePath = Path.Combine(_directory, "apgrid.db") };
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Applying_the_schema_twice_is_harmless_and_keeps_data()
    {
        await StorageSchema.EnsureCreatedAsync(_options, CancellationToken.None);
        await InsertMarkerRowAsync();

        await StorageSchema.EnsureCreatedAsync(_options, CancellationToken.None);

        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM OrleansStorage"));
        Assert.Equal(3L, await ScalarAsync(
            "SELECT count(*) FROM OrleansQuery WHERE QueryKey IN ('ReadFromStorageKey','WriteToStorageKey','ClearStorageKey')"));
    }

    [Fact]
    public async Task Rerunning_the_schema_restores_edited_query_text()
    {
        await StorageSchema.EnsureCreatedAsync(_options, CancellationToken.None);
        await ScalarAsync("UPDATE OrleansQuery SET QueryText = 'stale' WHERE QueryKey = 'ReadFromStorageKey'");

        await StorageSchema.EnsureCreatedAsync(_options, CancellationToken.None);

        Assert.NotEqual("stale", await ScalarAsync("SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'ReadFromStorageKey'"));
    }

    [Fact]
    public async Task Concurrent_schema_application_from_several_nodes_succeeds()
    {
        await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => StorageSchema.EnsureCreatedAsync(_options, CancellationToken.None))));

        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM OrleansStorage"));
    }

    [Fact]
    public async Task File_is_in_WAL_mode_for_every_later_connection()
    {
        await StorageSchema.EnsureCreatedAsync(_options, CancellationToken.None);
        SqliteConnection.ClearAllPools();

        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Connections_opened_like_Orleans_opens_them_sync_fully()
    {
        await StorageSchema.EnsureCreatedAsync(_options, CancellationToken.None);

        // 2 = FULL: every commit is fsynced before it is acknowledged.
        Assert.Equal(2L, await ScalarAsync("PRAGMA synchronous"));
    }

    [Fact]
    public async Task CanConnect_is_true_for_a_usable_file()
    {
        Assert.True(await StorageSchema.CanConnectAsync(_options, CancellationToken.None));
    }

    [Fact]
    public async Task CanConnect_is_false_when_the_file_cannot_be_opened()
    {
        // A path below a regular file can never be created or opened.
        Directory.CreateDirectory(_directory);
        var file = Path.Combine(_directory, "not-a-directory");
        await File.WriteAllTextAsync(file, "x");
        var bad = new StorageOptions { SqlitePath = Path.Combine(file, "apgrid.db") };

        Assert.False(await StorageSchema.CanConnectAsync(bad, CancellationToken.None));
    }

    [Fact]
    public async Task CanConnect_is_false_for_invalid_options()
    {
        Assert.False(await StorageSchema.CanConnectAsync(new StorageOptions { Provider = "oracle" }, CancellationToken.None));
    }

    private async Task InsertMarkerRowAsync() => await ScalarAsync(
        "INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, ServiceId, ModifiedOn, Version) " +
        "VALUES (1, 2, 3, 4, 't', 's', 'now', 1)");

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(_options.BuildConnectionString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
