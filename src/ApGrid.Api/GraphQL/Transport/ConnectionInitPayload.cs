namespace ApGrid.Api.GraphQL.Transport;

/// <summary>What a client puts in connection_init: the bearer token, as "token" or "Authorization".</summary>
public sealed class ConnectionInitPayload
{
    public string? Token { get; set; }

    public string? Authorization { get; set; }
}
