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
            .WithDescription("With nearPupil, only settings within the journey limit for the pupil's phase (or maxTravelMinutes, if lower), nearest first; the pupil must be one the caller may see, and the read is audited.")
            .CapacityFilterParameters()
            .StringParameter("nearPupil", "A pupil id; rank by estimated journey from the pupil's home school.", "^p-[0-9a-f]{10}$")
            .IntegerParameter("maxTravelMinutes", 1, 240, "Journey limit in minutes; needs nearPupil.")
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

    public static async Task<Ok<List<CapacityMatchResource>>> SearchAsync(
        HttpContext http, string? keyStage, string? need, string? fullTime, string[]? sessions, string? registeredOnly, string? nearPupil, string? maxTravelMinutes)
    {
        var rest = RestRequest.Of(http);
        var matches = await CapacityQuery.SearchAsync(
            rest.Grains, rest.Caller, CapacityFilter.Read(keyStage, need, fullTime, sessions, registeredOnly),
            nearPupil, RequestValues.Integer(maxTravelMinutes, "maxTravelMinutes", 1, 240), rest.AccessLog, "GET /api/v1/capacity?nearPupil");
        return TypedResults.Ok(matches.Select(m => new CapacityMatchResource(ApSettingResource.From(m.Setting), m.DistanceKm, m.TravelMinutes)).ToList());
    }
}
