using ApGrid.Domain.Gias;

namespace ApGrid.Api.Gias;

/// <summary>What a tenant holds, read before planning: facts to compare, and the stored profiles to update from.</summary>
public sealed class GiasHoldings
{
    public Dictionary<string, GiasFacts> Facts { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SchoolProfile> Schools { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ApCapacitySnapshot> ApSettings { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SpecialSchoolSnapshot> SpecialSchools { get; } = new(StringComparer.Ordinal);

    public static async Task<GiasHoldings> ReadAsync(IGrainFactory grains, string tenant)
    {
        var holdings = new GiasHoldings();
        var registry = await grains.GetGrain<ILocalAuthorityGrain>(tenant).GetRegistryAsync();
        foreach (var entry in registry.Schools)
        {
            if (await grains.GetGrain<ISchoolGrain>(GrainKeys.For(tenant, entry.Urn)).GetProfileAsync() is not { } profile) continue;
            holdings.Schools[entry.Urn] = profile;
            holdings.Facts[entry.Urn] = new GiasFacts(
                GiasKind.School, profile.Name, null, profile.Phase, [], [], null, profile.Ukprn, profile.Postcode, profile.Location.ToGeoPoint(), profile.Closed, profile.ClosedOn);
        }

        foreach (var entry in registry.ApSettings)
        {
            if (await grains.GetGrain<IApSettingGrain>(GrainKeys.For(tenant, entry.Urn)).GetCapacityAsync() is not { } snapshot) continue;

            // A non-school provider's key is the LA's own reference, never a URN GIAS could list.
            if (snapshot.Profile.LocalReference) continue;
            var p = snapshot.Profile;
            holdings.ApSettings[entry.Urn] = snapshot;
            holdings.Facts[entry.Urn] = new GiasFacts(
                GiasKind.ApSetting, p.Name, p.Type, Phase.Secondary, p.KeyStages, p.Specialisms, p.GiasPlaces, p.Ukprn, p.Postcode, p.Location.ToGeoPoint(), p.Closed, p.ClosedOn);
        }

        foreach (var entry in registry.SpecialSchools)
        {
            if (await grains.GetGrain<ISpecialSchoolGrain>(GrainKeys.For(tenant, entry.Urn)).GetAsync() is not { } snapshot) continue;
            var p = snapshot.Profile;
            holdings.SpecialSchools[entry.Urn] = snapshot;
            holdings.Facts[entry.Urn] = new GiasFacts(
                GiasKind.SpecialSchool, p.Name, null, Phase.Secondary, [], p.Designations, null, p.Ukprn, p.Postcode, p.Location.ToGeoPoint(), p.Closed, p.ClosedOn);
        }

        return holdings;
    }
}
