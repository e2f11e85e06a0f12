namespace ApGrid.Api.GraphQL.Transport.Errors;

/// <summary>A GET whose variables or extensions are not JSON objects.</summary>
public sealed class InvalidQueryStringException(string detail) : TransportException(
    StatusCodes.Status400BadRequest, "variables and extensions must be JSON objects: " + detail);
