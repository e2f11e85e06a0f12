namespace ApGrid.Api.GraphQL;

/// <summary>The contract's extensions.code values.</summary>
public static class ErrorCodes
{
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>Signed in through the LA's provider, but no grant (yet): the answer a person sees instead of data.</summary>
    public const string NoAccess = "NO_ACCESS";
    public const string Forbidden = "FORBIDDEN";
    public const string NotFound = "NOT_FOUND";
    public const string Validation = "VALIDATION";
    public const string CapacityExhausted = "CAPACITY_EXHAUSTED";
    public const string ConsentRequired = "CONSENT_REQUIRED";
    public const string Conflict = "CONFLICT";
    public const string LimitExceeded = "LIMIT_EXCEEDED";

    /// <summary>Over the tenant's or the API key's rate limit (HTTP 429 at the gateway; a WebSocket operation's error).</summary>
    public const string RateLimited = "RATE_LIMITED";

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
