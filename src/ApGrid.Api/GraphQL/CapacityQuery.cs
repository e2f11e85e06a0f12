using ApGrid.Api.Audit;
using ApGrid.Api.Auth;
using ApGrid.Api.GraphQL.Views;
using global::GraphQL;

namespace ApGrid.Api.GraphQL;

/// <summary>
/// apCapacity: the live capacity index filtered, and with nearPupil ranked by the estimated journey
/// from the pupil's home (their postcode sector's centroid) or, failing that, their home school. The usual maximum journey for the pupil's phase (today's year group)
/// is a flag on each match, not a filter: an officer may still need to see the setting just beyond it,
/// unless the caller asks to hide those. REST's /api/v1/capacity runs the same search.
/// </summary>
public static class CapacityQuery
{
    public static Task<List<CapacityMatchView>> SearchAsync(IResolveFieldContext context, Dictionary<string, object?>? filter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SearchAsync(
            context.Grains(), context.Caller(), CapacitySearch.From(filter),
            filter?.GetValueOrDefault("nearPupil")?.ToString(), filter?.GetValueOrDefault("maxTravelMinutes") as int?,
            filter?.GetValueOrDefault("hideOverUsualMaximum") as bool? == true, context.Today(),
            context.AccessLog(), "Query.apCapacity(nearPupil)", ((ApGridUserContext)context.UserContext).CapacityIndexRead);
    }

    /// <param name="accessLog">Notes the read of the pupil that nearPupil names, as <paramref name="what"/>.</param>
    /// <param name="indexRead">Told the version of the index the answer comes from.</param>
    public static async Task<List<CapacityMatchView>> SearchAsync(
        IGrainFactory grains, Caller caller, CapacitySearch search, string? nearPupil, int? maxTravelMinutes, bool hideOverUsualMaximum, DateOnly today,
        PupilAccessLog accessLog, string what,
        Action<CapacityIndexVersion>? indexRead = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(accessLog);
        if (maxTravelMinutes is not null && nearPupil is null) throw ApGridError.Validation("maxTravelMinutes", "maxTravelMinutes needs nearPupil.");
        if (hideOverUsualMaximum && nearPupil is null) throw ApGridError.Validation("hideOverUsualMaximum", "hideOverUsualMaximum needs nearPupil.");
        var laGrain = grains.GetGrain<ILocalAuthorityGrain>(caller.Tenant);
        var index = await laGrain.GetVersionedCapacityIndexAsync();
        indexRead?.Invoke(index.Version);
        var matches = index.Settings.Where(search.Matches);
        if (nearPupil is null)
        {
            return [.. matches.Select(s => new CapacityMatchView(s, null, null, null, null))];
        }

        var pupil = await PupilAccess.LoadAsync(grains, caller, nearPupil, "nearPupil");
        accessLog.Read(pupil.Snapshot.Id, what);
        var (from, origin) = await TravelOriginAsync(grains, caller.Tenant, pupil.Snapshot.Record);
        var la = await laGrain.GetProfileAsync() ?? throw ApGridError.NotFound("tenant", "local authority");
        var phase = SchoolYear.PhaseOf(pupil.Snapshot.Record.YearGroupOn(today));
        var limits = new JourneyLimits(la.PrimaryJourneyMinutes, la.SecondaryJourneyMinutes);
        var ranked = TravelSearch.Rank(
            from,
            matches.Select(s => (s, s.Profile.Location.ToGeoPoint())),
            new TravelSettings(la.RoadFactor, la.AverageSpeedKmh),
            hideOverUsualMaximum ? TravelSearch.EffectiveLimit(maxTravelMinutes, phase, limits) : maxTravelMinutes);
        return [.. ranked.Select(m => new CapacityMatchView(m.Item, m.Estimate.DistanceKm, m.Estimate.Minutes, !limits.IsWithin(m.Estimate, phase), origin))];
    }

    /// <summary>From home when the pupil's postcode sector has a centroid, else from the home school (any kind of school).</summary>
    private static async Task<(GeoPoint From, TravelOrigin Origin)> TravelOriginAsync(IGrainFactory grains, string tenant, PupilRecord pupil)
    {
        if (Postcode.TryParse(pupil.HomePostcode, out var postcode)
            && await grains.GetGrain<IPostcodeDirectoryGrain>(tenant).FindAsync(postcode!.Sector) is { } home)
        {
            return (home.ToGeoPoint(), TravelOrigin.Home);
        }

        var school = await HomeSchools.FindAsync(grains, tenant, pupil.HomeSchoolUrn) ?? throw ApGridError.NotFound("nearPupil", "home school");
        return (school.Profile.Location.ToGeoPoint(), TravelOrigin.HomeSchool);
    }
}
