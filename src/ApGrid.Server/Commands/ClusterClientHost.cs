using ApGrid.Server.Hosting;
using ApGrid.Storage;

namespace ApGrid.Server.Commands;

/// <summary>
/// The host a command runs in: an Orleans client of the running cluster (found as the server's own
/// Storage and Orleans settings say), so the grains that hold the data do the work, whichever node
/// has them.
/// </summary>
internal static class ClusterClientHost
{
    public static HostApplicationBuilder CreateBuilder(IEnumerable<string> configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Configuration.AddCommandLine([.. configuration]);
        builder.Logging.ClearProviders();
        return builder;
    }

    /// <summary>Builds and starts the client; null, with the reason on <paramref name="errors"/>, when the cluster cannot be reached.</summary>
    public static async Task<IHost?> StartAsync(HostApplicationBuilder builder, TextWriter errors)
    {
        var storage = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        var orleans = builder.Configuration.GetSection("Orleans").Get<OrleansOptions>() ?? new OrleansOptions();
        builder.UseOrleansClient(client =>
        {
            if (storage.IsPostgres)
            {
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = storage.AdoInvariant;
                    o.ConnectionString = storage.BuildConnectionString();
                });
            }
            else
            {
                client.UseLocalhostClustering(orleans.GatewayPort, orleans.ServiceId, orleans.ClusterId);
            }
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return host;
        }
        catch (Exception e) when (e is Orleans.Runtime.OrleansException or TimeoutException or System.Net.Sockets.SocketException)
        {
            host.Dispose();
            await errors.WriteLineAsync($"Could not reach ApGrid (is the server running?): {e.Message}");
            return null;
        }
    }
}
