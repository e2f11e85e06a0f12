namespace ApGrid.Api.GraphQL.Transport.Errors;

/// <summary>Accept names neither response type this endpoint sends.</summary>
public sealed class NotAcceptableException() : TransportException(
    StatusCodes.Status406NotAcceptable, $"Accept {MediaTypes.GraphQLResponse} or {MediaTypes.Json}.");
