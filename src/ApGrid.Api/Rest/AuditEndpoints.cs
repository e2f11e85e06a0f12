using ApGrid.Api.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ApGrid.Api.Rest;

/// <summary>The access audit trail, read only: there is no endpoint that changes or removes an entry.</summary>
internal static class AuditEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/audit", ReadAsync)
            .WithName("readAuditTrail")
            .WithSummary("Read the tenant's access audit trail (LA officers only)")
            .WithDescription("Who read or changed which pupil's record, when and through which API, oldest first.")
            .StringParameter("pupilId", "Only entries about this pupil.", "^p-[0-9a-f]{10}$")
            .StringParameter("after", "A cursor from an earlier page.", "^[0-9]{1,19}$")
            .IntegerParameter("limit", 1, AuditTrailQuery.MaxLimit, $"How many entries at most (default {AuditTrailQuery.DefaultLimit}).")
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);

    public static async Task<Ok<AuditPage>> ReadAsync(HttpContext http, string? pupilId, string? after, string? limit)
    {
        var rest = RestRequest.Of(http);
        var page = await AuditTrailQuery.ReadAsync(
            rest.Grains, rest.Caller, pupilId, after, RequestValues.Integer(limit, "limit", 1, AuditTrailQuery.MaxLimit), "limit");
        return TypedResults.Ok(new AuditPage(
            [.. page.Entries.Select(e => AuditEntryResource.From(e, rest.Caller.Tenant))], ChangeCursor.Format(page.NextAfter), page.HasMore));
    }
}
