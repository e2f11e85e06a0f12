using ApGrid.Api.GraphQL;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApGrid.Api.Rest;

/// <summary>
/// RFC 9457 problem details carrying GraphQL's error codes: extension <c>code</c> always, and
/// <c>field</c> when one input is at fault. The status follows the code (see docs/api.md).
/// </summary>
public static class RestProblem
{
    public static ProblemHttpResult Of(string code, string detail, string? field = null, int? status = null, string? correlationId = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (field is not null) extensions["field"] = field;
        if (correlationId is not null) extensions["correlationId"] = correlationId;
        ApGridTelemetry.Refusals.Add(1, new KeyValuePair<string, object?>("code", code));
        if (System.Diagnostics.Activity.Current is { Recorded: true } activity) extensions["traceId"] = activity.TraceId.ToHexString();
        var statusCode = status ?? StatusOf(code);
        return TypedResults.Problem(detail: detail, statusCode: statusCode, title: TitleOf(code), extensions: extensions);
    }

    public static ProblemHttpResult From(ApGridError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Of(error.Code ?? ErrorCodes.Internal, error.Message, error.Field);
    }

    /// <summary>A grain refused a well-formed request: a rule it breaks is 422, not 400.</summary>
    public static ProblemHttpResult From(CommandError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var code = ErrorCodes.Of(error.Code);
        return Of(code, error.Message, string.IsNullOrEmpty(error.Field) ? null : error.Field,
            code == ErrorCodes.Validation ? StatusCodes.Status422UnprocessableEntity : null);
    }

    /// <summary>An unexpected failure, logged under <paramref name="correlationId"/> (see InternalErrors).</summary>
    public static ProblemHttpResult Internal(string correlationId) => Of(ErrorCodes.Internal, "An internal error occurred.", correlationId: correlationId);

    public static ProblemHttpResult Validation(string field, string detail) => Of(ErrorCodes.Validation, detail, field);

    /// <summary>VALIDATION here means the request could not be read as meant (400); a broken rule comes through <see cref="From(CommandError)"/>.</summary>
    public static int StatusOf(string code) => code switch
    {
        ErrorCodes.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorCodes.Forbidden or ErrorCodes.NoAccess => StatusCodes.Status403Forbidden,
        ErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ErrorCodes.Validation or ErrorCodes.BadRequest or ErrorCodes.LimitExceeded => StatusCodes.Status400BadRequest,
        ErrorCodes.Conflict or ErrorCodes.CapacityExhausted => StatusCodes.Status409Conflict,
        ErrorCodes.ConsentRequired => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static string TitleOf(string code) => code switch
    {
        ErrorCodes.Unauthenticated => "Authentication required",
        ErrorCodes.Forbidden => "Forbidden",
        ErrorCodes.NoAccess => "No access yet",
        ErrorCodes.NotFound => "Not found",
        ErrorCodes.Validation => "Invalid input",
        ErrorCodes.Conflict => "Conflict",
        ErrorCodes.CapacityExhausted => "Capacity exhausted",
        ErrorCodes.ConsentRequired => "Consent required",
        ErrorCodes.LimitExceeded => "Limit exceeded",
        _ => "Request failed",
    };
}
