namespace ApGrid.Api.GraphQL.Transport.Errors;

/// <summary>A mutation sent with GET: GET must be safe, so only queries may use it.</summary>
public sealed class GetNotAllowedException() : TransportException(
    StatusCodes.Status405MethodNotAllowed, "Only queries may be sent with GET; use POST.")
{
    public override Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.Allow = HttpMethods.Post;
        return base.WriteAsync(context);
    }
}
