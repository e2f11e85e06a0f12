using ApGrid.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Storage;

namespace ApGrid.Server.Tests.Storage;

public sealed class StorageSiloBuilderExtensionsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "apgrid-silo-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Registers_AdoNet_as_the_default_storage_with_the_Orleans_binary_serializer()
    {
        var options = new StorageOptions { SqlitePath = Path.Combine(_directory, "apgrid.db") };
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo.UseLocalhostClustering().AddApGridStorage(options));

        using var host = builder.Build();

        var storageOptions = host.Services
            .GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>()
            .Get(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        Assert.Equal("System.Data.SQLite", storageOptions.Invariant);
        Assert.Equal(options.BuildConnectionString(), storageOptions.ConnectionString);
        Assert.IsType<OrleansGrainStorageSerializer>(storageOptions.GrainStorageSerializer);

        var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        // The provider sits behind the group-commit write queue; it still does every read and clear.
        Assert.IsType<AdoNetGrainStorage>(Assert.IsType<GroupCommitGrainStorage>(storage).Inner);
    }

    [Fact]
    public void Keeps_write_queues_the_caller_registered_so_silos_of_one_process_can_share_them()
    {
        var options = new StorageOptions { SqlitePath = Path.Combine(_directory, "apgrid.db") };
        var shared = new GrainWriteQueues();
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo =>
        {
            silo.Services.AddSingleton(shared);
            silo.UseLocalhostClustering().AddApGridStorage(options);
        });

        using var host = builder.Build();

        Assert.Same(shared, host.Services.GetRequiredService<GrainWriteQueues>());
        _ = host.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        Assert.Equal(0, shared.CommitsOf(options));
    }

    [Fact]
    public void Rejects_invalid_options_at_registration()
    {
        var builder = Host.CreateApplicationBuilder();

        var ex = Assert.Throws<InvalidOperationException>(() =>
            builder.UseOrleans(silo => silo.AddApGridStorage(new StorageOptions { Provider = "postgres" })));

        Assert.Contains("Storage:ConnectionString", ex.Message, StringComparison.Ordinal);
    }
}
