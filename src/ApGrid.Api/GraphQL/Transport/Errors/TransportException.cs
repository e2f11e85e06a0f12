namespace ApGrid.Api.GraphQL.Transport.Errors;

/// <summary>
/// A request the HTTP transport refuses before GraphQL sees it, with the status that says why; sent
/// as problem details. One type per failure, as graphql-dotnet server's request errors are; thrown
/// where it is found and written once by the endpoint, so each step reads as its successful path.
/// </summary>
#pragma warning disable CA1032 // A transport error always has its status and message; the parameterless constructors would have neither.
public abstract class TransportException(int statusCode, string message) : Exception(message)
#pragma warning restore CA1032
{
    public int StatusCode { get; } = statusCode;

    public virtual Task WriteAsync(HttpContext context) => Results.Problem(detail: Message, statusCode: StatusCode).ExecuteAsync(context);
}
