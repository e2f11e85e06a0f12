namespace ApGrid.Api.GraphQL;

/// <summary>The contract's extensions.code values.</summary>
public static class ErrorCodes
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string NotFound = "NOT_FOUND";
    public const string Validation = "VALIDATION";
    public const string CapacityExhausted = "CAPACITY_EXHAUSTED";
    public const string ConsentRequired = "CONSENT_REQUIRED";
    public const string Conflict = "CONFLICT";
    public const string LimitExceeded = "LIMIT_EXCEEDED";

    /// <summary>A contract field whose workflow has not landed yet; listed in docs/api.md.</summary>
    public const string NotYetAvailable = "NOT_YET_AVAILABLE";

    /// <summary>The request itself is not GraphQL we can run: syntax or schema validation errors.</summary>
    public const string BadRequest = "BAD_REQUEST";

    public const string Internal = "INTERNAL";

    public static string Of(ErrorCode code) => code switch
    {
        ErrorCode.Validation => Validation,
        ErrorCode.NotFound => NotFound,
        ErrorCode.Forbidden => Forbidden,
        ErrorCode.CapacityExhausted => CapacityExhausted,
        ErrorCode.ConsentRequired => ConsentRequired,
        ErrorCode.Conflict => Conflict,
        _ => Internal,
    };
}
