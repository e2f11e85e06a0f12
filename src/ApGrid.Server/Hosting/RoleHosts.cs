using Microsoft.AspNetCore.Hosting;
using Orleans.Dashboard;
using ApGrid.Api;
using ApGrid.Gateway;
using ApGrid.Server.Board;
using ApGrid.Server.Health;

namespace ApGrid.Server.Hosting;

/// <summary>Builds and runs the web applications of each role.</summary>
public static class RoleHosts
{
    /// <param name="http1Urls">The node's HTTP/1.1 addresses: Urls in the `node` role, Node:Url in `all`.</param>
    /// <param name="servesInProcess">The `all` role's node when its gateway reaches it in memory.</param>
    public static WebApplication BuildNode(WebApplicationBuilder builder, string? http1Urls = null, bool servesInProcess = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        NodeListeners.Configure(builder, http1Urls ?? builder.Configuration[WebHostDefaults.ServerUrlsKey] ?? ServerRoles.DefaultNodeUrl);
        if (servesInProcess) InProcessNodeServer.Install(builder.Services);
        builder.AddApGridNode();
        builder.AddApGridApi();
        var app = builder.Build();
        app.MapApGridHealth();
        app.MapApGridApi();
        app.MapDevClock();

        // Node port only: the gateway routes a fixed list of prefixes and /ops is not among them.
        if (app.Configuration.GetValue<bool>("Operations:Dashboard:Enabled")) app.MapOrleansDashboard("/ops/dashboard");
        return app;
    }

    public static WebApplication BuildGateway(WebApplicationBuilder builder, IReadOnlyList<string>? destinations = null, OwnNodeTransport? ownNode = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddApGridGateway(destinations, ownNode);
        var app = builder.Build();
        app.MapApGridGateway();

        // The board is a page of the public face, so the gateway serves it; its data comes through /graphql like anyone's.
        app.MapApGridBoard();
        return app;
    }

    /// <summary>
    /// The `all` role: the node listens on Node:Url, and on Node:Http2Url for its gateway's
    /// WebSockets, and starts first, so the gateway never sees it refuse connections while the silo
    /// starts (that would count as failures against it); then the gateway takes the public address.
    /// Unless Gateway:OwnNodeInProcess is false, the gateway hands every other request to the node
    /// in process: on one machine the loopback hop cost about half as much CPU again as the node's
    /// own work on a capacity query. Either one stopping stops both.
    /// </summary>
    public static async Task RunAllAsync(WebApplicationBuilder gatewayBuilder, WebApplicationBuilder nodeBuilder)
    {
        ArgumentNullException.ThrowIfNull(gatewayBuilder);
        ArgumentNullException.ThrowIfNull(nodeBuilder);
        var nodeUrl = ServerRoles.NodeUrl(nodeBuilder.Configuration);
        var gatewayOptions = GatewayOptions.Read(gatewayBuilder.Configuration);
        var inProcess = gatewayOptions.OwnNodeInProcess;
        await using var node = BuildNode(nodeBuilder, nodeUrl, inProcess);
        await node.StartAsync();
        try
        {
            var ownNode = inProcess ? InProcessTransport(node.Services.GetRequiredService<InProcessNodeServer>()) : null;

            // Built only now: YARP loads its routes, and probes its destinations, while the app is built.
            await using var gateway = BuildGateway(gatewayBuilder, [GatewayDestination(gatewayOptions, nodeUrl, nodeBuilder.Configuration)], ownNode);
            await gateway.StartAsync();
            await Task.WhenAny(node.WaitForShutdownAsync(), gateway.WaitForShutdownAsync());
            await gateway.StopAsync();
        }
        finally
        {
            await node.StopAsync();
        }
    }

    private static OwnNodeTransport InProcessTransport(InProcessNodeServer node) => new(node.TryServeAsync);

    /// <summary>The own node's address that suits the protocol the gateway is configured to speak to nodes.</summary>
    private static string GatewayDestination(GatewayOptions gatewayOptions, string nodeUrl, IConfiguration nodeConfiguration) =>
        gatewayOptions.NodeProtocol == NodeProtocol.Http2 ? NodeListeners.Http2Url(nodeConfiguration) : nodeUrl;
}
