namespace ApGrid.Gateway;

/// <summary>
/// How the `all` role's gateway serves a request with the node in its own process: it hands over
/// the request itself, after authentication, rate limiting and routing. WebSockets still go
/// through YARP to the node's address, since they outlive the request that opened them.
/// </summary>
public sealed class OwnNodeTransport(Func<HttpContext, Task> serve)
{
    public Task ServeAsync(HttpContext context) => serve(context);
}
