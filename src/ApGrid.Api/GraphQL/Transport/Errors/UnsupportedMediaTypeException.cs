namespace ApGrid.Api.GraphQL.Transport.Errors;

/// <summary>A POST whose body is not JSON.</summary>
public sealed class UnsupportedMediaTypeException() : TransportException(
    StatusCodes.Status415UnsupportedMediaType, $"POST bodies must be {MediaTypes.Json}.");
