namespace ApGrid.Domain;

/// <summary>
/// A rule failure as a value, so rules can report problems without throwing and callers
/// can decide whether to surface, translate or throw them.
/// </summary>
/// <param name="Code">What kind of failure this is.</param>
/// <param name="Field">The lower-camel name of the input at fault, so clients can point at it.</param>
/// <param name="Message">A sentence a caseworker can act on.</param>
public sealed record DomainError(ErrorCode Code, string Field, string Message)
{
    public static DomainError Validation(string field, string message) => new(ErrorCode.Validation, field, message);

    public static DomainError NotFound(string field, string message) => new(ErrorCode.NotFound, field, message);

    public static DomainError Forbidden(string field, string message) => new(ErrorCode.Forbidden, field, message);

    public static DomainError CapacityExhausted(string field, string message) => new(ErrorCode.CapacityExhausted, field, message);

    public static DomainError ConsentRequired(string field, string message) => new(ErrorCode.ConsentRequired, field, message);

    public static DomainError Conflict(string field, string message) => new(ErrorCode.Conflict, field, message);
}
