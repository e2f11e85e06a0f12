using ApGrid.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace ApGrid.Server.Tests.Storage;

public sealed class StorageOptionsTests
{
    [Fact]
    public void Defaults_are_embedded_sqlite_under_data()
    {
        var options = new StorageOptions();

        Assert.Equal("sqlite", options.Provider);
        Assert.Equal("data/apgrid.db", options.SqlitePath);
        Assert.Equal("System.Data.SQLite", options.AdoInvariant);
    }

    [Fact]
    public void Binds_from_the_Storage_section_with_case_insensitive_provider()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "PostgreS",
                ["Storage:ConnectionString"] = "Host=db;Username=u;Password=p;Database=d",
            })
            .Build();

        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>()!;

        Assert.True(options.IsPostgres);
        Assert.Equal("Npgsql", options.AdoInvariant);
        var built = new NpgsqlConnectionStringBuilder(options.BuildConnectionString());
        Assert.Equal(("db", "u", "p", "d"), (built.Host, built.Username, built.Password, built.Database));
    }

    [Fact]
    public void Postgres_statements_are_prepared_automatically_unless_the_connection_string_says_otherwise()
    {
        static int MaxAutoPrepare(string connectionString) => new NpgsqlConnectionStringBuilder(
            new StorageOptions { Provider = "postgres", ConnectionString = connectionString }.BuildConnectionString()).MaxAutoPrepare;

        Assert.Equal(StorageOptions.DefaultMaxAutoPrepare, MaxAutoPrepare("Host=db;Username=u;Password=p;Database=d"));
        Assert.Equal(0, MaxAutoPrepare("Host=db;Username=u;Password=p;Database=d;Max Auto Prepare=0"));
        Assert.Equal(5, MaxAutoPrepare("Host=db;Username=u;Password=p;Database=d;maxautoprepare=5"));
    }

    [Fact]
    public void Unknown_provider_is_rejected_naming_the_key()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new StorageOptions { Provider = "mysql" }.Validate());

        Assert.Contains("Storage:Provider must be 'sqlite' or 'postgres'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_outbox_sweep_period_of_zero_or_a_negative_age_is_rejected_naming_the_key()
    {
        var period = Assert.Throws<InvalidOperationException>(() => new StorageOptions { OutboxSweepPeriod = TimeSpan.Zero }.Validate());
        Assert.Contains("Storage:OutboxSweepPeriod", period.Message, StringComparison.Ordinal);
        var age = Assert.Throws<InvalidOperationException>(() => new StorageOptions { OutboxSweepAge = TimeSpan.FromSeconds(-1) }.Validate());
        Assert.Contains("Storage:OutboxSweepAge", age.Message, StringComparison.Ordinal);
        new StorageOptions { OutboxSweepAge = TimeSpan.Zero }.Validate();
    }

    [Fact]
    public void Postgres_without_connection_string_is_rejected_naming_the_key()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new StorageOptions { Provider = "postgres" }.Validate());

        Assert.Contains("Storage:ConnectionString is required when Storage:Provider is postgres", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_postgres_connection_string_is_rejected_without_echoing_it()
    {
        var options = new StorageOptions { Provider = "postgres", ConnectionString = "Hots=x;Password=secret" };

        var ex = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains("Storage:ConnectionString", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_connection_string_uses_full_path_creates_directory_and_waits_on_busy()
    {
        var directory = Path.Combine(Path.GetTempPath(), "apgrid-options-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(directory, "a", "b", "x.db");
            var options = new StorageOptions { SqlitePath = path };

            var builder = new SqliteConnectionStringBuilder(options.BuildConnectionString());

            Assert.Equal(Path.GetFullPath(path), builder.DataSource);
            Assert.True(Path.IsPathFullyQualified(builder.DataSource));
            Assert.True(Directory.Exists(Path.GetDirectoryName(path)));
            Assert.Equal(30, builder.DefaultTimeout);
            Assert.True(builder.Pooling);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
