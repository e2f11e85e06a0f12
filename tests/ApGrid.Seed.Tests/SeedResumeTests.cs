using ApGrid.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ApGrid.Seed.Tests;

/// <summary>An interrupted seed continues where it stopped, and rows already there are never written twice.</summary>
public sealed class SeedResumeTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "apgrid-seed-resume-" + Guid.NewGuid().ToString("N"));
    private readonly StorageOptions storage;
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    public SeedResumeTests() => storage = new StorageOptions { Provider = "sqlite", SqlitePath = Path.Combine(directory, "apgrid.db") };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_missing_tenant_is_written_and_the_rest_left_alone()
    {
        var first = await SeedAsync();
        var rows = await ScalarAsync("SELECT COUNT(*) FROM OrleansStorage");
        Assert.Equal(first.RowsInserted, rows);
        var plans = SeedWorldPlan.For(SeedScale.Small);

        // Tenant 2 never committed; of tenant 3 only the LA row (the completion marker) is missing.
        var second = plans[1].Code + "/%";
        var removed = await ScalarAsync($"DELETE FROM OrleansStorage WHERE GrainIdExtensionString LIKE '{second}' RETURNING 1", count: true);
        await ScalarAsync($"DELETE FROM OrleansStorage WHERE GrainTypeString IN ('localAuthority', 'outreachBoard') AND GrainIdN1 IN ({Convert.ToInt64(plans[1].Code, 16)}, {Convert.ToInt64(plans[2].Code, 16)})");

        var again = await SeedAsync();
        Assert.Equal((2, 1), (again.TenantsWritten, again.TenantsSkipped));
        Assert.Equal(removed + 4, again.RowsInserted);
        Assert.Equal(rows, await ScalarAsync("SELECT COUNT(*) FROM OrleansStorage"));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM OrleansStorage WHERE Version <> 1"));
    }

    private Task<SeedResult> SeedAsync() =>
        new NationalSeeder(storage, "apgrid", clock).RunAsync(SeedScale.Small, new SeedProgress(), CancellationToken.None);

    private async Task<long> ScalarAsync(string sql, bool count = false)
    {
        await using var connection = new SqliteConnection($"Data Source={storage.SqlitePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (!count) return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        long n = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) n++;
        return n;
    }
}
