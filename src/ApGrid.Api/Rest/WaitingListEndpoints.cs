using ApGrid.Api.GraphQL;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ApGrid.Api.Rest;

/// <summary>A special school's waiting list, seen exactly as GraphQL's SpecialSchool.waitingList shows it to the same caller.</summary>
internal static class WaitingListEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/special-schools/{urn}/waiting-list", (Delegate)GetAsync)
            .WithName("getWaitingList")
            .WithSummary("A special school's open waiting-list entries")
            .WithDescription("The LA and the special school's own staff see the whole list; a school the entries of its own pupils; AP staff and partners none. Waiting entries come in position order, then offers.")
            .StringParameter("urn", "The special school's URN: 6 digits.", "^[0-9]{6}$")
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

    public static async Task<Ok<List<WaitingListEntryResource>>> GetAsync(HttpContext http, string urn, TimeProvider clock)
    {
        var rest = RestRequest.Of(http);
        RequestValues.Urn(urn, "urn");
        if (await rest.TenantGrain<ISpecialSchoolGrain>(urn).GetAsync() is null) throw ApGridError.NotFound("urn", "special school");
        var entries = await WaitingListQueries.ListAsync(rest.Grains, rest.Caller, urn);
        foreach (var entry in entries) rest.AccessLog.Read(entry.Record.PupilId, "GET /api/v1/special-schools/{urn}/waiting-list");
        var today = clock.Today();
        return TypedResults.Ok(entries.Select(e => WaitingListEntryResource.From(e, today)).ToList());
    }
}
