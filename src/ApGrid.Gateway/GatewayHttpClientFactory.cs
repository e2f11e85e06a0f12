using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace ApGrid.Gateway;

/// <summary>YARP's client to the nodes, with <see cref="SmallBodiesInOneWrite"/> in front of it.</summary>
internal sealed class GatewayHttpClientFactory(ILogger<ForwarderHttpClientFactory> logger) : ForwarderHttpClientFactory(logger)
{
    protected override HttpMessageHandler WrapHandler(ForwarderHttpClientContext context, HttpMessageHandler handler) =>
        new SmallBodiesInOneWrite { InnerHandler = base.WrapHandler(context, handler) };
}
