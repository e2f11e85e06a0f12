using global::GraphQL;

namespace ApGrid.Api.GraphQL;

/// <summary>
/// A GraphQL error the caller can act on: extensions.code from the contract, and extensions.field
/// naming the input at fault where there is one.
/// </summary>
public sealed class ApGridError : ExecutionError
{
    public ApGridError(string code, string message, string? field = null) : base(message)
    {
        Code = code;
        Field = field;
    }

    public ApGridError() : base("") { }

    public ApGridError(string message) : base(message) { }

    public ApGridError(string message, Exception innerException) : base(message, innerException) { }

    public string? Field { get; }

    public static ApGridError NotFound(string field, string what) => new(ErrorCodes.NotFound, $"No {what} with that {field} in your tenant.", field);

    public static ApGridError Forbidden(string message) => new(ErrorCodes.Forbidden, message);

    public static ApGridError Validation(string field, string message) => new(ErrorCodes.Validation, message, field);


    public static ApGridError From(CommandError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(ErrorCodes.Of(error.Code), error.Message, error.Field);
    }
}
