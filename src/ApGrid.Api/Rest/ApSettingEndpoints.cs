using ApGrid.Api.Auth;
using ApGrid.Api.Caching;
using ApGrid.Api.GraphQL;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ApGrid.Api.Rest;

/// <summary>AP settings and their availability: reads for every role of the tenant, changes as GraphQL's setApAvailability allows.</summary>
internal static class ApSettingEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/ap-settings", ListAsync)
            .WithName("listApSettings")
            .WithSummary("List the tenant's AP settings with their live capacity")
            .WithDescription("Filters as GraphQL's apCapacity without travel; every filter is optional and all must match. "
                + "The answer carries an ETag of the capacity index's version: send it back in If-None-Match for 304 Not Modified while nothing has changed.")
            .CapacityFilterParameters()
            .Produces(StatusCodes.Status304NotModified)
            .Problems(StatusCodes.Status400BadRequest);

        api.MapGet("/ap-settings/{urn}", GetAsync)
            .WithName("getApSetting")
            .WithSummary("Read one AP setting with its live capacity")
            .StringParameter("urn", "The setting's URN: 6 digits.", "^[0-9]{6}$")
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        api.MapPut("/ap-settings/{urn}/availability", SetAvailabilityAsync)
            .WithName("setApAvailability")
            .WithSummary("Replace a setting's availability")
            .WithDescription("Only LA officers and the setting's own AP staff. Sessions not listed offer no places; places never go below what placements use now (409 CONFLICT).")
            .Accepts<AvailabilityRequest>("application/json")
            .StringParameter("urn", "The setting's URN: 6 digits.", "^[0-9]{6}$")
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
    }

    public static async Task<Results<Ok<List<ApSettingResource>>, StatusCodeHttpResult>> ListAsync(
        HttpContext http, string? keyStage, string? need, string? fullTime, string[]? sessions, string? registeredOnly)
    {
        var rest = RestRequest.Of(http);
        var search = CapacityFilter.Read(keyStage, need, fullTime, sessions, registeredOnly);
        if (await CapacityValidators.NotModifiedAsync(http, rest.Grains, rest.Caller)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        var index = await rest.LocalAuthority.GetVersionedCapacityIndexAsync();
        CapacityValidators.Set(http, rest.Caller, index.Version);
        return TypedResults.Ok(index.Settings.Where(search.Matches).OrderBy(s => s.Urn, StringComparer.Ordinal).Select(s => ApSettingResource.For(rest.Caller, s)).ToList());
    }

    public static async Task<Ok<ApSettingResource>> GetAsync(HttpContext http, string urn)
    {
        var rest = RestRequest.Of(http);
        var setting = await rest.TenantGrain<IApSettingGrain>(RequestValues.Urn(urn, "urn")).GetCapacityAsync() ?? throw ApGridError.NotFound("urn", "AP setting");
        return TypedResults.Ok(ApSettingResource.For(rest.Caller, setting));
    }

    public static async Task<Results<Ok<ApSettingResource>, ProblemHttpResult>> SetAvailabilityAsync(HttpContext http, string urn)
    {
        var rest = RestRequest.Of(http);
        RequestValues.Urn(urn, "urn");
        Access.RequireLaOrStaffOf(rest.Caller, Role.ApStaff, urn);
        var availability = ReadAvailability(await RestBody.ReadAsync<AvailabilityRequest>(http));
        // The setting answers NotFound itself, before it looks at anything else.
        var result = await rest.TenantGrain<IApSettingGrain>(urn).SetAvailabilityAsync(availability);
        return result.Value is { } updated ? TypedResults.Ok(ApSettingResource.For(rest.Caller, updated)) : RestProblem.From(result.Error!);
    }


    private static ApAvailability ReadAvailability(AvailabilityRequest body)
    {
        var fullTimePlaces = body.FullTimePlaces ?? throw ApGridError.Validation("fullTimePlaces", "fullTimePlaces is required.");
        var sessions = body.Sessions ?? throw ApGridError.Validation("sessions", "sessions is required (an empty list offers no session places).");
        var outreach = body.OutreachHoursPerWeek ?? throw ApGridError.Validation("outreachHoursPerWeek", "outreachHoursPerWeek is required.");
        var places = new List<SessionPlaces>();
        for (var i = 0; i < sessions.Count; i++)
        {
            var item = sessions[i] ?? throw ApGridError.Validation($"sessions[{i}]", $"sessions[{i}] must be an object.");
            var session = RequestValues.Enum<Session>(item.Session ?? throw ApGridError.Validation($"sessions[{i}].session", "session is required."), $"sessions[{i}].session");
            places.Add(new SessionPlaces(session!.Value, item.Places ?? throw ApGridError.Validation($"sessions[{i}].places", "places is required.")));
        }

        // The rules on the numbers themselves (not negative, no session twice) are the setting grain's, as for GraphQL.
        return new ApAvailability(fullTimePlaces, places, outreach);
    }
}
