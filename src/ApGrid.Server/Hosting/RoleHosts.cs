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
    public static WebApplication BuildNode(WebApplicationBuilder builder, string? http1Urls = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        NodeListeners.Configure(builder, http1Urls ?? builder.Configuration[WebHostDefaults.ServerUrlsKey] ?? ServerRoles.DefaultNodeUrl);
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

    public static WebApplication BuildGateway(WebApplicationBuilder builder, IReadOnlyList<string>? destinations = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddApGridGateway(destinations);
        var app = builder.Build();
        app.MapApGridGateway();

        // The board is a page of the public face, so the gateway serves it; its data comes through /graphql like anyone's.
        app.MapApGridBoard();
        return app;
    }

    /// <summary>
    /// The `all` role: the node listens on Node:Url, and on Node:Http2Url for its gateway, and starts
    /// first, so the gateway never sees it refuse connections while the silo starts (that would
    /// count as failures against it); then the gateway takes the public address. Either one
    /// stopping stops both.
    /// </summary>
    public static async Task RunAllAsync(WebApplicationBuilder gatewayBuilder, WebApplicationBuilder nodeBuilder)
    {
        ArgumentNullException.ThrowIfNull(gatewayBuilder);
        ArgumentNullException.ThrowIfNull(nodeBuilder);
        var nodeUrl = ServerRoles.NodeUrl(nodeBuilder.Configuration);
        await using var node = BuildNode(nodeBuilder, nodeUrl);
        await node.StartAsync();
        try
        {
            // Built only now: YARP loads its routes, and probes its destinations, while the app is built.
            await using var gateway = BuildGateway(gatewayBuilder, [GatewayDestination(gatewayBuilder.Configuration, nodeUrl, nodeBuilder.Configuration)]);
            await gateway.StartAsync();
            await Task.WhenAny(node.WaitForShutdownAsync(), gateway.WaitForShutdownAsync());
            await gateway.StopAsync();
        }
        finally
        {
            await node.StopAsync();
        }
    }

    /// <summary>The own node's address that suits the protocol the gateway is configured to speak to nodes.</summary>
    private static string GatewayDestination(IConfiguration gatewayConfiguration, string nodeUrl, IConfiguration nodeConfiguration) =>
        GatewayOptions.Read(gatewayConfiguration).NodeProtocol == NodeProtocol.Http2 ? NodeListeners.Http2Url(nodeConfiguration) : nodeUrl;
}
