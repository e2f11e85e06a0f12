namespace ApGrid.Api.GraphQL.Transport.Errors;

/// <summary>A POST body that is not a GraphQL request in JSON.</summary>
public sealed class InvalidBodyException(string message) : TransportException(StatusCodes.Status400BadRequest, message);
