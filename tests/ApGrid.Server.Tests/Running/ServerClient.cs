using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ApGrid.Server.Tests.Running;

/// <summary>An Orleans client connected to a running server's gateway port, as an operator's tool would be.</summary>
internal sealed class ServerClient : IAsyncDisposable
{
    private readonly IHost host;

    private ServerClient(IHost host) => this.host = host;

    public IGrainFactory Grains => host.Services.GetRequiredService<IClusterClient>();

    public static async Task<ServerClient> ConnectAsync(ServerProcess server)
    {
        var host = Host.CreateDefaultBuilder()
            .UseOrleansClient(client => client.UseLocalhostClustering(server.GatewayPort, serviceId: "apgrid", clusterId: "apgrid"))
            .Build();
        await host.StartAsync();
        return new ServerClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
