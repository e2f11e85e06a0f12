using ApGrid.Api.GraphQL.Views;
using global::GraphQL;

namespace ApGrid.Api.GraphQL;

/// <summary>
/// apCapacity: the live capacity index filtered, and with nearPupil ranked by the estimated journey
/// from the pupil's home school, never beyond the journey limit for the pupil's phase.
/// </summary>
public static class CapacityQuery
{
    public static async Task<List<CapacityMatchView>> SearchAsync(IResolveFieldContext context, Dictionary<string, object?>? filter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var search = CapacitySearch.From(filter);
        var index = await context.LocalAuthority().GetCapacityIndexAsync();
        var matches = index.Where(search.Matches);
        if (filter?.GetValueOrDefault("nearPupil") is not { } nearPupil)
        {
            return [.. matches.Select(s => new CapacityMatchView(s, null, null))];
        }

        var pupil = await PupilAccess.LoadAsync(context, nearPupil.ToString(), "nearPupil");
        context.AccessLog().Read(pupil.Snapshot.Id, "Query.apCapacity(nearPupil)");
        var home = await context.TenantGrain<ISchoolGrain>(pupil.Snapshot.Record.HomeSchoolUrn).GetProfileAsync()
            ?? throw ApGridError.NotFound("nearPupil", "home school");
        var la = await context.LocalAuthority().GetProfileAsync() ?? throw ApGridError.NotFound("tenant", "local authority");
        var limit = TravelSearch.EffectiveLimit(
            filter.GetValueOrDefault("maxTravelMinutes") as int?,
            SchoolYear.PhaseOf(pupil.Snapshot.Record.YearGroup),
            new JourneyLimits(la.PrimaryJourneyMinutes, la.SecondaryJourneyMinutes));
        var ranked = TravelSearch.Rank(
            home.Location.ToGeoPoint(),
            matches.Select(s => (s, s.Profile.Location.ToGeoPoint())),
            new TravelSettings(la.RoadFactor, la.AverageSpeedKmh),
            limit);
        return [.. ranked.Select(m => new CapacityMatchView(m.Item, m.Estimate.DistanceKm, m.Estimate.Minutes))];
    }
}
