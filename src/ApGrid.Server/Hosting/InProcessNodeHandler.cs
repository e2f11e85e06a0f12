namespace ApGrid.Server.Hosting;

/// <summary>
/// The `all` role's gateway-to-node hop: requests go to the node's pipeline in memory. WebSockets
/// (an upgrade, or HTTP/2's extended CONNECT) need a connection of their own, and a body not
/// already read into memory by the gateway (one of unknown length, or over its small-body limit)
/// is better streamed, so those go on to <see cref="DelegatingHandler.InnerHandler"/>, the sockets.
/// </summary>
internal sealed class InProcessNodeHandler(InProcessNodeServer node) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        node.IsRunning && IsInMemory(request)
            ? InProcessExchange.SendAsync(node, request, cancellationToken)
            : base.SendAsync(request, cancellationToken);

    private static bool IsInMemory(HttpRequestMessage request) =>
        request.Method != HttpMethod.Connect
        && request.Headers.Protocol is null
        && request.Headers.Upgrade.Count == 0
        && request.Content is null or ByteArrayContent;
}
