namespace ApGrid.Gateway;

/// <summary>
/// How the `all` role's gateway serves a request with the node in its own process: it hands over
/// the request itself, after authentication, rate limiting and routing. WebSockets still go
/// through YARP to the node's address, since they outlive the request that opened them.
/// </summary>
/// <param name="serve">Serves the request; false, having written nothing, when the node is not running.</param>
public sealed class OwnNodeTransport(Func<HttpContext, Task<bool>> serve)
{
    public Task<bool> TryServeAsync(HttpContext context) => serve(context);
}
