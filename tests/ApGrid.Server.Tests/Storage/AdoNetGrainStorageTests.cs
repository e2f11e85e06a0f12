using ApGrid.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace ApGrid.Server.Tests.Storage;

// Drives Orleans's real AdoNetGrainStorage (started through its lifecycle hook, no
// silo) against our schema, so the contract is checked by the code that consumes it.
public abstract class AdoNetGrainStorageTests<TFixture> : IClassFixture<TFixture>, IDisposable
    where TFixture : StorageDatabaseFixture
{
    private const string GrainTypeName = "apgrid.storage-test";

    private readonly TFixture _fixture;
    private readonly ServiceProvider _services;
    private readonly string _serviceId = "svc-" + Guid.NewGuid().ToString("N");

    protected AdoNetGrainStorageTests(TFixture fixture)
    {
        _fixture = fixture;
        _services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    }

    public void Dispose()
    {
        _services.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Write_then_read_round_trips_state_and_etag()
    {
        var storage = await StartStorageAsync();
        var grainId = NewGrainId();
        var state = new GrainState<List<string>>(["a", "b"]);

        await storage.WriteStateAsync(GrainTypeName, grainId, state);

        Assert.Equal("1", state.ETag);
        Assert.True(state.RecordExists);

        var read = new GrainState<List<string>>();
        await storage.ReadStateAsync(GrainTypeName, grainId, read);
        Assert.Equal(["a", "b"], read.State);
        Assert.Equal("1", read.ETag);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task Read_of_unknown_grain_gives_default_state_and_no_etag()
    {
        var storage = await StartStorageAsync();
        var read = new GrainState<List<string>>();

        await storage.ReadStateAsync(GrainTypeName, NewGrainId(), read);

        Assert.NotNull(read.State);
        Assert.Empty(read.State);
        Assert.Null(read.ETag);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task Stale_writer_gets_InconsistentStateException_and_cannot_overwrite()
    {
        var storage = await StartStorageAsync();
        var grainId = NewGrainId();
        var first = new GrainState<List<string>>(["first"]);
        await storage.WriteStateAsync(GrainTypeName, grainId, first);

        // Two activations that both loaded version 1.
        var winner = new GrainState<List<string>>(["winner"]) { ETag = first.ETag, RecordExists = true };
        var loser = new GrainState<List<string>>(["loser"]) { ETag = first.ETag, RecordExists = true };
        await storage.WriteStateAsync(GrainTypeName, grainId, winner);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(GrainTypeName, grainId, loser));

        var read = new GrainState<List<string>>();
        await storage.ReadStateAsync(GrainTypeName, grainId, read);
        Assert.Equal(["winner"], read.State);
        Assert.Equal("2", read.ETag);
    }

    [Fact]
    public async Task Second_first_write_gets_InconsistentStateException()
    {
        var storage = await StartStorageAsync();
        var grainId = NewGrainId();
        await storage.WriteStateAsync(GrainTypeName, grainId, new GrainState<List<string>>(["one"]));

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(GrainTypeName, grainId, new GrainState<List<string>>(["two"])));
    }

    [Fact]
    public async Task Clear_resets_state_keeps_counting_versions_and_rejects_stale_clear()
    {
        var storage = await StartStorageAsync();
        var grainId = NewGrainId();
        var state = new GrainState<List<string>>(["x"]);
        await storage.WriteStateAsync(GrainTypeName, grainId, state);
        var stale = new GrainState<List<string>>(["x"]) { ETag = state.ETag, RecordExists = true };

        await storage.ClearStateAsync(GrainTypeName, grainId, state);

        Assert.Equal("2", state.ETag);
        Assert.False(state.RecordExists);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(GrainTypeName, grainId, stale));

        var read = new GrainState<List<string>>();
        await storage.ReadStateAsync(GrainTypeName, grainId, read);
        Assert.Empty(read.State!);
        Assert.Equal("2", read.ETag);
        Assert.False(read.RecordExists);

        read.State!.Add("again");
        await storage.WriteStateAsync(GrainTypeName, grainId, read);
        Assert.Equal("3", read.ETag);
    }

    [Fact]
    public async Task Keys_with_and_without_extension_are_separate_grains()
    {
        var storage = await StartStorageAsync();
        var key = Guid.NewGuid();
        var plain = GrainId.Create(GrainType.Create(GrainTypeName), GrainIdKeyExtensions.CreateGuidKey(key));
        var extended = GrainId.Create(GrainType.Create(GrainTypeName), GrainIdKeyExtensions.CreateGuidKey(key, "ext"));

        await storage.WriteStateAsync(GrainTypeName, plain, new GrainState<List<string>>(["plain"]));
        await storage.WriteStateAsync(GrainTypeName, extended, new GrainState<List<string>>(["extended"]));

        var read = new GrainState<List<string>>();
        await storage.ReadStateAsync(GrainTypeName, plain, read);
        Assert.Equal(["plain"], read.State);
        await storage.ReadStateAsync(GrainTypeName, extended, read);
        Assert.Equal(["extended"], read.State);
    }

    [Fact]
    public async Task Payload_is_Orleans_binary_not_json()
    {
        var storage = await StartStorageAsync();
        var grainId = NewGrainId();
        await storage.WriteStateAsync(GrainTypeName, grainId, new GrainState<List<string>>(["payload-marker"]));

        var serializer = _services.GetRequiredService<Serializer>();
        var payloads = await ReadRawPayloadsAsync();

        var payload = Assert.Single(payloads);
        Assert.NotEqual((byte)'{', payload[0]);
        Assert.NotEqual((byte)'[', payload[0]);
        Assert.Equal(["payload-marker"], serializer.Deserialize<List<string>>(payload));
    }

    private async Task<AdoNetGrainStorage> StartStorageAsync()
    {
        var options = new AdoNetGrainStorageOptions
        {
            Invariant = _fixture.Options.AdoInvariant,
            ConnectionString = _fixture.Options.BuildConnectionString(),
            GrainStorageSerializer = new OrleansGrainStorageSerializer(_services.GetRequiredService<Serializer>()),
        };
        var storage = new AdoNetGrainStorage(
            _services.GetRequiredService<IActivatorProvider>(),
            NullLogger<AdoNetGrainStorage>.Instance,
            MsOptions.Create(options),
            MsOptions.Create(new ClusterOptions { ClusterId = "test", ServiceId = _serviceId }),
            "Default");
        var lifecycle = new CapturingSiloLifecycle();
        storage.Participate(lifecycle);
        await lifecycle.StartAsync(CancellationToken.None);
        return storage;
    }

    private static GrainId NewGrainId() =>
        GrainId.Create(GrainType.Create(GrainTypeName), GrainIdKeyExtensions.CreateIntegerKey(Random.Shared.NextInt64()));

    private async Task<List<byte[]>> ReadRawPayloadsAsync()
    {
        await using var connection = _fixture.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT PayloadBinary FROM OrleansStorage WHERE ServiceId = @ServiceId";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "ServiceId";
        parameter.Value = _serviceId;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        var payloads = new List<byte[]>();
        while (await reader.ReadAsync())
        {
            payloads.Add((byte[])reader.GetValue(0));
        }

        return payloads;
    }
}
