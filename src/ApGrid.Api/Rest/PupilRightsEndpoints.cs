using ApGrid.Api.Auth;
using ApGrid.Api.GraphQL;
using ApGrid.Api.Rights;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ApGrid.Api.Rest;

/// <summary>
/// Children's data rights, for LA officers only: the subject-access export, erasure on request and
/// the retention job. Every other role is refused (403) before any pupil is looked up; another
/// tenant's pupil is not found (404), exactly like a missing one.
/// </summary>
internal static class PupilRightsEndpoints
{
    private const string ExportRoute = "/pupils/{pupilId}/subject-access";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet(ExportRoute, ExportAsync)
            .WithName("exportSubjectAccess")
            .WithSummary("Everything ApGrid holds about a pupil (LA officers only)")
            .WithDescription("For a subject-access request: the record and its corrections, timetables, referrals, placements with reviews, changes and LA notification steps, "
                + "attendance marks, exclusions, the EHC case, waiting-list entries and every audit entry of who read or changed the record. "
                + "format=json (default) is the machine-readable file, format=html a page people can read; both are sent as attachments. The export is itself audited.")
            .StringParameter("pupilId", "The pupil's id.", "^p-[0-9a-f]{10}$")
            .StringParameter("format", "json (default) or html.", "^(json|html)$")
            .Produces<string>(StatusCodes.Status200OK, "application/json", "text/html")
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        api.MapPost("/pupils/{pupilId}/erasure", EraseAsync)
            .WithName("erasePupil")
            .WithSummary("Erase a pupil's records on a request the LA grants (LA officers only)")
            .WithDescription("Body {\"reason\": \"...\"}: why (kept with the erasure, 1 to 500 characters). Refused (409) while a record is still open: a placement running, "
                + "a referral undecided, an EHC case or waiting-list entry live, an exclusion's duty running. Afterwards the pupil reads as missing everywhere; "
                + "the audit trail keeps the erasure and its reason.")
            .Accepts<ErasureRequest>("application/json")
            .StringParameter("pupilId", "The pupil's id.", "^p-[0-9a-f]{10}$")
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/retention-runs", (Delegate)RunRetentionAsync)
            .WithName("runRetention")
            .WithSummary("Apply the retention policy to the tenant's records (LA officers only)")
            .WithDescription("Body {\"dryRun\": false} removes what is past retention; without it, or with true, nothing changes and the answer lists what would go. "
                + "Pupils' records go by kind at the policy's ages (ADR 020); a pupil is erased once nothing is left to keep; audit pages go once every entry is past the audit period. "
                + "What is removed is recorded in the audit trail.")
            .Accepts<RetentionRunRequest>("application/json")
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(HttpContext http, string pupilId, string? format, TimeProvider clock)
    {
        var rest = RestRequest.Of(http);
        if (format is not (null or "json" or "html")) return RestProblem.Validation("format", "format must be json or html.");
        var export = SubjectAccessJson.ToJson(await SubjectAccess.BuildAsync(rest.Grains, rest.Caller, pupilId, clock));
        rest.AccessLog.Read(pupilId, "GET /api/v1" + ExportRoute);
        var html = format == "html";
        var body = html ? SubjectAccessHtml.Render(export) : SubjectAccessJson.ToText(export);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(body), html ? "text/html; charset=utf-8" : "application/json",
            $"subject-access-{pupilId}.{(html ? "html" : "json")}");
    }

    public static async Task<Results<Ok<ErasureResource>, ProblemHttpResult>> EraseAsync(HttpContext http, string pupilId)
    {
        var rest = RestRequest.Of(http);
        PupilAccess.RequireLa(rest.Caller);
        if (!PupilIds.IsWellFormed(pupilId)) throw ApGridError.NotFound("pupilId", "pupil");
        var body = await RestBody.ReadAsync<ErasureRequest>(http);
        var result = await rest.TenantGrain<IPupilGrain>(pupilId).EraseOnRequestAsync(body.Reason, rest.Caller.Subject, RoleNames.NameOf(rest.Caller.Role));
        if (result.Error is { } error) return RestProblem.From(error);
        var erasure = result.Value!;
        return TypedResults.Ok(new ErasureResource(pupilId, erasure.ErasedAt, erasure.By, erasure.Reason, erasure.Removed));
    }

    public static async Task<Ok<RetentionRunResource>> RunRetentionAsync(HttpContext http)
    {
        var rest = RestRequest.Of(http);
        PupilAccess.RequireLa(rest.Caller);
        var noBody = http.Request.ContentLength is 0 || (http.Request.ContentLength is null && !http.Request.Headers.ContainsKey("Transfer-Encoding"));
        var dryRun = noBody || (await RestBody.ReadAsync<RetentionRunRequest>(http)).DryRun != false;
        var (pupils, audit) = await RetentionRun.RunAsync(rest.Grains, rest.Caller, dryRun, http.RequestAborted);
        return TypedResults.Ok(RetentionRunResource.From(dryRun, pupils, audit));
    }
}
