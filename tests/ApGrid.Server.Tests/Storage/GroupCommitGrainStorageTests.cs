using ApGrid.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace ApGrid.Server.Tests.Storage;

/// <summary>
/// GroupCommitGrainStorage commits concurrent grain writes together. What it writes must be what
/// Orleans's own provider reads, each write must keep Orleans's version check, and a group must not
/// let one grain's conflict or success leak into another's.
/// </summary>
public abstract class GroupCommitGrainStorageTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IDisposable
    where TFixture : StorageDatabaseFixture
{
    private const int Grains = 200;

    private readonly ServiceProvider services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private readonly string serviceId = "svc-" + Guid.NewGuid().ToString("N");

    public void Dispose()
    {
        services.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Concurrent_writes_are_grouped_and_read_back_by_Orleans_own_provider()
    {
        var (storage, provider) = await StartAsync();
        // Integer keys that parse as hexadecimal, like LA codes, and string keys, like settings.
        var ids = Enumerable.Range(0, Grains).Select(i => i % 2 == 0
            ? GrainId.Create(GrainType.Create("apgrid.group-test"), GrainIdKeyExtensions.CreateIntegerKey(Random.Shared.NextInt64()))
            : GrainId.Create("apgrid.group-test", "901/" + Guid.NewGuid().ToString("N"))).ToList();
        var states = ids.Select(_ => new GrainState<List<string>>()).ToList();
        var commitsBefore = storage.Commits;

        for (var round = 1; round <= 3; round++)
        {
            await Task.WhenAll(ids.Select((id, i) =>
            {
                states[i].State = ["grain" + i, "round" + round];
                return storage.WriteStateAsync("groupTest", id, states[i]);
            }));
            Assert.All(states, s => Assert.Equal(round.ToString(System.Globalization.CultureInfo.InvariantCulture), s.ETag));
        }

        Assert.True(storage.Commits - commitsBefore < 3 * Grains, $"{storage.Commits - commitsBefore} commits for {3 * Grains} concurrent writes: nothing was grouped");
        for (var i = 0; i < Grains; i++)
        {
            var read = new GrainState<List<string>>();
            await provider.ReadStateAsync("groupTest", ids[i], read);
            Assert.Equal(["grain" + i, "round3"], read.State);
            Assert.Equal("3", read.ETag);
        }
    }

    [Fact]
    public async Task A_stale_write_fails_alone_and_the_rest_of_its_group_is_stored()
    {
        var (storage, provider) = await StartAsync();
        var ids = Enumerable.Range(0, 50).Select(_ => GrainId.Create("apgrid.group-test", Guid.NewGuid().ToString("N"))).ToList();
        var states = ids.Select(_ => new GrainState<List<string>>(["first"])).ToList();
        await Task.WhenAll(ids.Select((id, i) => storage.WriteStateAsync("groupTest", id, states[i])));

        // Grain 7 writes with the version it had before another activation wrote after it.
        var stale = new GrainState<List<string>>(["stale"]) { ETag = states[7].ETag };
        await storage.WriteStateAsync("groupTest", ids[7], states[7]);
        var writes = ids.Select((id, i) =>
        {
            states[i].State = ["second"];
            return storage.WriteStateAsync("groupTest", id, states[i]);
        }).Append(storage.WriteStateAsync("groupTest", ids[7], stale)).ToList();

        var failure = await Assert.ThrowsAsync<InconsistentStateException>(() => Task.WhenAll(writes));
        Assert.Equal(1, writes.Count(w => w.IsFaulted));
        Assert.Contains("Version conflict", failure.Message, StringComparison.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            var read = new GrainState<List<string>>();
            await provider.ReadStateAsync("groupTest", ids[i], read);
            Assert.Equal(["second"], read.State);
        }
    }

    private async Task<(GroupCommitGrainStorage Storage, AdoNetGrainStorage Provider)> StartAsync()
    {
        var serializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
        var provider = new AdoNetGrainStorage(
            services.GetRequiredService<IActivatorProvider>(),
            NullLogger<AdoNetGrainStorage>.Instance,
            MsOptions.Create(new AdoNetGrainStorageOptions
            {
                Invariant = fixture.Options.AdoInvariant,
                ConnectionString = fixture.Options.BuildConnectionString(),
                GrainStorageSerializer = serializer,
            }),
            MsOptions.Create(new ClusterOptions { ClusterId = "test", ServiceId = serviceId }),
            "Default");
        var lifecycle = new CapturingSiloLifecycle();
        provider.Participate(lifecycle);
        await lifecycle.StartAsync(CancellationToken.None);
        return (new GroupCommitGrainStorage(provider, new GrainWriteQueues(), fixture.Options, serviceId, serializer), provider);
    }
}
