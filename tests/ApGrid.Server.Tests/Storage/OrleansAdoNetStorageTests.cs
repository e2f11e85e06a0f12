using System.Reflection;
using System.Text.RegularExpressions;
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
/// The guard on what ApGrid copies from inside Orleans's ADO.NET grain storage
/// (src/ApGrid.Storage/OrleansInternals): the group commit and the seed tool write rows under a key
/// they compute themselves, which is only right while the provider computes the same one. When a
/// package update fails these, re-derive the row key from the new provider before moving the pin.
/// </summary>
public sealed class OrleansAdoNetStorageTests(SqliteDatabaseFixture fixture) : IClassFixture<SqliteDatabaseFixture>, IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    public void Dispose() => services.Dispose();

    [Fact]
    public void The_referenced_provider_is_the_version_the_row_key_was_taken_from()
    {
        // Orleans writes "10.4.2. Commit Hash: ..."; a pre-release keeps its suffix and so differs.
        var version = typeof(AdoNetGrainStorage).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(OrleansAdoNetStorage.PinnedVersion, Regex.Match(version, @"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?").Value.TrimEnd('.'));
    }

    [Fact]
    public void The_row_key_of_known_grains_is_unchanged()
    {
        // Taken from rows Orleans's AdoNetGrainStorage wrote for the demo tenant: the LA's "901" is an
        // integer key (hex 0x901), a school's "901/110001" a string key.
        var la = GrainStorageRowKey.For("localAuthority", "901");
        Assert.Equal((-569642831, 0L, 0x901L, 1729183716, (string?)null), (la.GrainIdHash, la.GrainIdN0, la.GrainIdN1, la.GrainTypeHash, la.GrainIdExtensionString));
        var school = GrainStorageRowKey.For("school", "901/110001");
        Assert.Equal((103450790, 0L, 0L, 780419389, "901/110001"), (school.GrainIdHash, school.GrainIdN0, school.GrainIdN1, school.GrainTypeHash, school.GrainIdExtensionString));
    }

    /// <summary>Integer keys like LA codes, string keys like settings, GUID keys with and without an extension.</summary>
    public static TheoryData<string> Keys() =>
    [
        "901",
        "901/110001",
        GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid()).ToString(),
        GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid(), "ext").ToString(),
    ];

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task The_row_the_provider_writes_has_the_key_computed_here(string grainKey)
    {
        var serviceId = "svc-" + Guid.NewGuid().ToString("N");
        var provider = await StartProviderAsync(serviceId);
        await provider.WriteStateAsync("keyTest", GrainId.Create("apgrid.key-test", grainKey), new GrainState<List<string>>(["x"]));

        await using var connection = fixture.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString FROM OrleansStorage WHERE ServiceId = @ServiceId";
        DbParameters.Add(command.CreateParameter, command.Parameters, "ServiceId", System.Data.DbType.String, serviceId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var written = new GrainStorageRowKey(
            reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5));
        Assert.False(await reader.ReadAsync());
        Assert.Equal(GrainStorageRowKey.For("keyTest", grainKey), written);
    }

    private async Task<AdoNetGrainStorage> StartProviderAsync(string serviceId)
    {
        var provider = new AdoNetGrainStorage(
            services.GetRequiredService<IActivatorProvider>(),
            NullLogger<AdoNetGrainStorage>.Instance,
            MsOptions.Create(new AdoNetGrainStorageOptions
            {
                Invariant = fixture.Options.AdoInvariant,
                ConnectionString = fixture.Options.BuildConnectionString(),
                GrainStorageSerializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()),
            }),
            MsOptions.Create(new ClusterOptions { ClusterId = "test", ServiceId = serviceId }),
            "Default");
        var lifecycle = new CapturingSiloLifecycle();
        provider.Participate(lifecycle);
        await lifecycle.StartAsync(CancellationToken.None);
        return provider;
    }
}
