using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace ApGrid.Api.GraphQL;

/// <summary>
/// An unexpected failure is logged with a fresh correlation id, which the caller receives too
/// (extensions.correlationId in GraphQL, correlationId in problem details): the caller's message
/// says nothing else outside Development, and the id finds the log entry with the exception.
/// </summary>
public static partial class InternalErrors
{
    private const string DataKey = "ApGrid.CorrelationId";

    /// <summary>Logs the failure once and returns its id; an exception already recorded keeps its id.</summary>
    public static string Record(ILogger logger, Exception exception, string where)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.Data[DataKey] is string known) return known;
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        exception.Data[DataKey] = id;
        LogInternal(logger, id, where, exception);
        return id;
    }

    /// <summary>The id recorded for this error, or for the exception it wraps.</summary>
    public static string? CorrelationIdOf(Exception? error) =>
        error?.Data[DataKey] as string ?? error?.InnerException?.Data[DataKey] as string;

    /// <summary>The INTERNAL error a caller receives for a recorded failure.</summary>
    public static ApGridError ErrorFor(string correlationId, string message = "An internal error occurred.")
    {
        var error = new ApGridError(ErrorCodes.Internal, message);
        error.Data[DataKey] = correlationId;
        return error;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Internal error {CorrelationId} in {Where}")]
    private static partial void LogInternal(ILogger logger, string correlationId, string where, Exception exception);
}
