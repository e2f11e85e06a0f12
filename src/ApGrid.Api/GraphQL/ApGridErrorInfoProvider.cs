using ApGrid.Api.GraphQL.Transport;
using global::GraphQL;
using global::GraphQL.Execution;
using global::GraphQL.Validation;
using global::GraphQL.Validation.Errors.Custom;

namespace ApGrid.Api.GraphQL;

/// <summary>
/// Shapes every error as the contract says: extensions.code (and extensions.field for bad input).
/// Outside Development an unexpected error says only that something went wrong.
/// </summary>
public sealed class ApGridErrorInfoProvider(bool exposeExceptionDetails) : IErrorInfoProvider
{
    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        ArgumentNullException.ThrowIfNull(executionError);
        var (code, field, message) = executionError switch
        {
            ApGridError e => (e.Code ?? ErrorCodes.Internal, e.Field, e.Message),
            ComplexityError or DocumentLimitError => (ErrorCodes.LimitExceeded, null, executionError.Message),
            ValidationError or SyntaxError or DocumentError => (ErrorCodes.BadRequest, null, executionError.Message),
            { InnerException: TenantMismatchException } => (ErrorCodes.NotFound, null, "Not found."),
            _ when exposeExceptionDetails => (ErrorCodes.Internal, null, executionError.InnerException?.ToString() ?? executionError.Message),
            _ => (ErrorCodes.Internal, null, "An internal error occurred."),
        };
        // "Did you mean ...?" would spell out the schema to a caller outside Development.
        if (!exposeExceptionDetails && code == ErrorCodes.BadRequest) message = WithoutSuggestions(message);
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (field is not null) extensions["field"] = field;
        if (code == ErrorCodes.Internal && InternalErrors.CorrelationIdOf(executionError) is { } correlationId) extensions["correlationId"] = correlationId;
        ApGridTelemetry.Refusals.Add(1, new KeyValuePair<string, object?>("code", code));
        // With tracing on, the trace that holds this error: what an operator asks a caller for.
        if (System.Diagnostics.Activity.Current is { Recorded: true } activity) extensions["traceId"] = activity.TraceId.ToHexString();
        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    private static string WithoutSuggestions(string message)
    {
        var at = message.IndexOf(" Did you mean ", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }
}
