using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace ApGrid.Gateway;

/// <summary>
/// YARP's client to the nodes, with <see cref="SmallBodiesInOneWrite"/> in front of it and, in the
/// `all` role, the <see cref="OwnNodeTransport"/> between it and the sockets.
/// </summary>
internal sealed class GatewayHttpClientFactory(ILogger<ForwarderHttpClientFactory> logger, OwnNodeTransport? ownNode = null)
    : ForwarderHttpClientFactory(logger)
{
    protected override HttpMessageHandler WrapHandler(ForwarderHttpClientContext context, HttpMessageHandler handler)
    {
        var sockets = base.WrapHandler(context, handler);
        return new SmallBodiesInOneWrite { InnerHandler = ownNode is null ? sockets : ownNode.Wrap(sockets) };
    }
}
