namespace ApGrid.Gateway;

/// <summary>
/// How the `all` role's gateway reaches the node in its own process: given the socket handler
/// YARP built for the nodes, the handler to use instead (one that runs most requests in memory
/// and passes the rest on to the sockets).
/// </summary>
public sealed class OwnNodeTransport(Func<HttpMessageHandler, HttpMessageHandler> wrapSockets)
{
    public HttpMessageHandler Wrap(HttpMessageHandler sockets) => wrapSockets(sockets);
}
