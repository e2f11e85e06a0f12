using ApGrid.Grains;
using ApGrid.Grains.Abstractions;
using ApGrid.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace ApGrid.Seed;

/// <summary>
/// Turns a tenant's states into OrleansStorage rows with the serializer our storage is configured
/// with (StorageSiloBuilderExtensions: OrleansGrainStorageSerializer over Orleans's Serializer), and
/// the state names of the grains' [PersistentState] attributes.
/// </summary>
public sealed class GrainStateSerializer : IDisposable
{
    public const string LocalAuthorityState = "localAuthority";
    public const string SchoolState = "school";
    public const string ApSettingState = "apSetting";
    public const string SpecialSchoolState = "specialSchool";
    public const string PupilState = "pupil";
    public const string OutreachBoardState = "outreachBoard";

    private readonly ServiceProvider services;
    private readonly OrleansGrainStorageSerializer serializer;

    public GrainStateSerializer()
    {
        services = new ServiceCollection()
            .AddSerializer(builder => builder
                .AddAssembly(typeof(PupilState).Assembly)
                .AddAssembly(typeof(PupilRecord).Assembly))
            .BuildServiceProvider();
        serializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
    }

    public GrainStateRow Row<T>(string stateName, string grainKey, T state) =>
        new(GrainStorageRowKey.For(stateName, grainKey), serializer.Serialize(state).ToArray());

    /// <summary>The LA row comes last: it is the tenant's completion marker, though the whole tenant is one transaction anyway.</summary>
    public List<GrainStateRow> Rows(SeedTenantWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var code = world.Plan.Code;
        var rows = new List<GrainStateRow>(world.Pupils.Count + world.Schools.Count + world.ApSettings.Count + world.SpecialSchools.Count + 2);
        foreach (var (urn, school) in world.Schools) rows.Add(Row(SchoolState, GrainKeys.For(code, urn), school));
        foreach (var (urn, setting) in world.ApSettings) rows.Add(Row(ApSettingState, GrainKeys.For(code, urn), setting));
        foreach (var (urn, special) in world.SpecialSchools) rows.Add(Row(SpecialSchoolState, GrainKeys.For(code, urn), special));
        foreach (var (id, pupil) in world.Pupils) rows.Add(Row(PupilState, GrainKeys.For(code, id), pupil));
        rows.Add(Row(OutreachBoardState, code, world.OutreachBoard));
        rows.Add(Row(LocalAuthorityState, code, world.LocalAuthority));
        return rows;
    }

    public void Dispose() => services.Dispose();
}
