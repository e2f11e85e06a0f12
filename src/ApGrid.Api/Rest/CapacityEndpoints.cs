using ApGrid.Api.Caching;
using ApGrid.Api.GraphQL;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ApGrid.Api.Rest;

/// <summary>The capacity search: GraphQL's apCapacity, including the ranking by journey from a pupil's school.</summary>
internal static class CapacityEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/capacity", SearchAsync)
            .WithName("searchCapacity")
            .WithSummary("Search free AP capacity, optionally ranked by journey from a pupil's school")
            .WithDescription("With nearPupil, settings nearest first, each flagged overUsualMaximum when the journey is longer than the LA's usual maximum for the pupil's phase (hideOverUsualMaximum=true leaves those out; maxTravelMinutes leaves out longer journeys); the pupil must be one the caller may see, and the read is audited. "
                + "Without nearPupil the answer carries an ETag of the capacity index's version: send it back in If-None-Match for 304 Not Modified while nothing has changed.")
            .CapacityFilterParameters()
            .StringParameter("nearPupil", "A pupil id; rank by estimated journey from the pupil's home (its postcode sector, when the LA's postcode directory holds it) or else home school.", "^p-[0-9a-f]{10}$")
            .IntegerParameter("maxTravelMinutes", 1, 240, "Journey limit in minutes; needs nearPupil.")
            .BooleanParameter("hideOverUsualMaximum", "true: leave out settings beyond the usual maximum journey for the pupil's phase; needs nearPupil.")
            .Produces(StatusCodes.Status304NotModified)
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

    public static async Task<Results<Ok<List<CapacityMatchResource>>, StatusCodeHttpResult>> SearchAsync(
        HttpContext http, string? keyStage, string? need, string? fullTime, string[]? sessions, string? registeredOnly, string? nearPupil, string? maxTravelMinutes, string? hideOverUsualMaximum, TimeProvider clock)
    {
        var rest = RestRequest.Of(http);
        var search = CapacityFilter.Read(keyStage, need, fullTime, sessions, registeredOnly);
        var limit = RequestValues.Integer(maxTravelMinutes, "maxTravelMinutes", 1, 240);

        // nearPupil reads a pupil (audited) and their school: the answer then follows from more than the index.
        var hide = RequestValues.Boolean(hideOverUsualMaximum, "hideOverUsualMaximum") == true;
        var validated = nearPupil is null && limit is null && !hide;
        if (validated && await CapacityValidators.NotModifiedAsync(http, rest.Grains, rest.Caller)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        CapacityIndexVersion? computedAt = null;
        var matches = await CapacityQuery.SearchAsync(
            rest.Grains, rest.Caller, search, nearPupil, limit, hide, clock.Today(), rest.AccessLog, "GET /api/v1/capacity?nearPupil", v => computedAt = v);
        if (validated && computedAt is { } version) CapacityValidators.Set(http, rest.Caller, version);
        return TypedResults.Ok(matches.Select(m => new CapacityMatchResource(ApSettingResource.For(rest.Caller, m.Setting), m.DistanceKm, m.TravelMinutes, m.OverUsualMaximum, m.MeasuredFrom is { } origin ? EnumNames<TravelOrigin>.NameOf(origin) : null)).ToList());
    }
}
