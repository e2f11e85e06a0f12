namespace ApGrid.Api.GraphQL.Transport.Errors;

/// <summary>A body over the configured limit, declared so in Content-Length or found so while reading.</summary>
public sealed class BodyTooLargeException(long limit) : TransportException(
    StatusCodes.Status413PayloadTooLarge, $"The body is over {limit} bytes.");
