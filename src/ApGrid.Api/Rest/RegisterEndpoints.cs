using ApGrid.Api.GraphQL;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ApGrid.Api.Rest;

/// <summary>
/// A setting's daily register for AP MIS systems: the same rules as GraphQL's register and
/// recordAttendance. PUT is idempotent per pupil, date and session: sending the same register again changes nothing.
/// </summary>
internal static class RegisterEndpoints
{
    private const string Route = "/ap-settings/{urn}/register/{date}";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet(Route, GetAsync)
            .WithName("getRegister")
            .WithSummary("A setting's register of one day")
            .WithDescription("A row per pupil expected and session, with the mark so far. The LA and the setting's own staff see every row; a home school its own pupils' rows.")
            .StringParameter("urn", "The setting's URN: 6 digits.", "^[0-9]{6}$")
            .DateParameter("date", "The register's day (yyyy-MM-dd).")
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        api.MapPut(Route, PutAsync)
            .WithName("putRegister")
            .WithSummary("Record a day's marks at a setting")
            .WithDescription("Body {\"marks\": [{\"pupilId\", \"session\", \"code\"}]}: code is the official code (\"/\" or \"\\\\\" present, L, U, B, K, D, C2, E, I, M, O, N, X); session as TUE_AM. "
                + "A mark replaces the pupil's mark for that session. All or nothing: a refused mark names its row in the problem's field (marks[2].pupilId). "
                + "The setting's own AP staff mark any pupil placed there; a home school's staff only its own pupils.")
            .Accepts<RegisterRequest>("application/json")
            .StringParameter("urn", "The setting's URN: 6 digits.", "^[0-9]{6}$")
            .DateParameter("date", "The register's day (yyyy-MM-dd); not a day still to come.")
            .Problems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
    }

    public static async Task<Ok<RegisterResource>> GetAsync(HttpContext http, string urn, string date)
    {
        var rest = RestRequest.Of(http);
        var register = await AttendanceQueries.GetAsync(rest.Grains, rest.Caller, RequestValues.Urn(urn, "urn"), Day(date));
        foreach (var pupilId in register.Rows.Select(r => r.Pupil.Snapshot.Id).Distinct(StringComparer.Ordinal)) rest.AccessLog.Read(pupilId, "GET /api/v1" + Route);
        return TypedResults.Ok(RegisterResource.From(register));
    }

    public static async Task<Results<Ok<RegisterResource>, ProblemHttpResult>> PutAsync(HttpContext http, string urn, string date)
    {
        var rest = RestRequest.Of(http);
        RequestValues.Urn(urn, "urn");
        var day = Day(date);
        var rows = ReadRows(await RestBody.ReadAsync<RegisterRequest>(http));
        var (register, refused) = await AttendanceQueries.RecordAsync(rest.Grains, rest.Caller, urn, day, rows);
        if (refused is not null) return RestProblem.From(refused);
        foreach (var pupilId in rows.Select(r => r.PupilId).Distinct(StringComparer.Ordinal)) rest.AccessLog.Changed(pupilId, "PUT /api/v1" + Route);
        return TypedResults.Ok(RegisterResource.From(register!));
    }

    private static DateOnly Day(string date) => RequestValues.Date(date, "date") ?? throw ApGridError.Validation("date", "date is required (yyyy-MM-dd).");

    private static List<RegisterMarkRow> ReadRows(RegisterRequest body)
    {
        var marks = body.Marks ?? throw ApGridError.Validation("marks", "marks is required (a list of {pupilId, session, code}).");
        var rows = new List<RegisterMarkRow>();
        for (var i = 0; i < marks.Count; i++)
        {
            var field = $"marks[{i}]";
            var mark = marks[i] ?? throw ApGridError.Validation(field, $"{field} must be an object.");
            var pupilId = mark.PupilId ?? throw ApGridError.Validation($"{field}.pupilId", $"{field}.pupilId is required.");
            var session = RequestValues.Enum<Session>(mark.Session ?? throw ApGridError.Validation($"{field}.session", $"{field}.session is required."), $"{field}.session");
            if (!AttendanceCodes.TryParse(mark.Code, out var code))
            {
                throw ApGridError.Validation($"{field}.code", $"{field}.code: \"{mark.Code}\" is not an attendance code; the codes are {AttendanceCodes.Listing}.");
            }

            rows.Add(new RegisterMarkRow(pupilId, session!.Value, code));
        }

        return rows;
    }

}
