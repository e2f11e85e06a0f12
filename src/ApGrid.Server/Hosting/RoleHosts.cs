using Orleans.Dashboard;
using ApGrid.Api;
using ApGrid.Gateway;
using ApGrid.Server.Board;
using ApGrid.Server.Health;

namespace ApGrid.Server.Hosting;

/// <summary>Builds and runs the web applications of each role.</summary>
public static class RoleHosts
{
    public static WebApplication BuildNode(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
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
    /// The `all` role: the node listens on Node:Url and starts first, so the gateway never sees it
    /// refuse connections while the silo starts (that would count as failures against it); then
    /// the gateway takes the public address. Either one stopping stops both.
    /// </summary>
    public static async Task RunAllAsync(WebApplicationBuilder gatewayBuilder, WebApplicationBuilder nodeBuilder)
    {
        ArgumentNullException.ThrowIfNull(gatewayBuilder);
        ArgumentNullException.ThrowIfNull(nodeBuilder);
        var nodeUrl = ServerRoles.NodeUrl(nodeBuilder.Configuration);
        nodeBuilder.WebHost.UseUrls(nodeUrl);
        await using var node = BuildNode(nodeBuilder);
        await using var gateway = BuildGateway(gatewayBuilder, [nodeUrl]);

        await node.StartAsync();
        try
        {
            await gateway.StartAsync();
            await Task.WhenAny(node.WaitForShutdownAsync(), gateway.WaitForShutdownAsync());
            await gateway.StopAsync();
        }
        finally
        {
            await node.StopAsync();
        }
    }
}
