using ApGrid.Api.GraphQL.Views;
using global::GraphQL;

namespace ApGrid.Api.GraphQL;

/// <summary>
/// A pupil's home school may be any school of the tenant: a mainstream school, a PRU or AP school
/// (single registration after a permanent exclusion) or a special school. Each is shown as a School.
/// </summary>
public static class HomeSchools
{
    public static Task<SchoolView?> FindAsync(IResolveFieldContext context, string urn)
    {
        ArgumentNullException.ThrowIfNull(context);
        return FindAsync(context.Grains(), context.Caller().Tenant, urn);
    }

    /// <summary>The same for any API: keys are built from the caller's tenant.</summary>
    public static async Task<SchoolView?> FindAsync(IGrainFactory grains, string tenant, string urn)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (!Urn.TryParse(urn, out _)) return null;
        var key = GrainKeys.For(tenant, urn);
        if (await grains.GetGrain<ISchoolGrain>(key).GetProfileAsync() is { } school) return new SchoolView(urn, school);
        if (await grains.GetGrain<IApSettingGrain>(key).GetCapacityAsync() is { } setting)
        {
            var phase = setting.Profile.KeyStages.Any(k => k >= KeyStage.Ks3) ? Phase.Secondary : Phase.Primary;
            return new SchoolView(urn, new SchoolProfile(setting.Profile.Name, phase, setting.Profile.Location));
        }

        // All-through special schools are common and nothing reads a home school's phase, so secondary is only a placeholder.
        return await grains.GetGrain<ISpecialSchoolGrain>(key).GetAsync() is { } special
            ? new SchoolView(urn, new SchoolProfile(special.Profile.Name, Phase.Secondary, special.Profile.Location))
            : null;
    }
}
