using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ApGrid.Server.Tests.Cluster;

/// <summary>
/// A PostgreSQL 15 server of this test's own (initdb into a temporary folder, its own port), so a
/// test can stop and restart it mid-load without disturbing the shared test server other tests use.
/// </summary>
internal sealed class PrivatePostgres : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string directory = Path.Combine(Path.GetTempPath(), "apgrid-pg-" + Guid.NewGuid().ToString("N"));

    public int Port { get; } = FreePort();

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=apgrid;Pooling=true;Timeout=5;Command Timeout=10";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var server = new PrivatePostgres();
        Directory.CreateDirectory(server.directory);
        // PostgreSQL refuses to run as root; the Debian package's postgres user owns the data.
        await RunAsync("chown", "-R", "postgres:postgres", server.directory);
        await RunAsPostgresAsync($"{Bin}/initdb", "-D", server.Data, "--auth=trust", "-U", "postgres", "--no-sync");
        await server.StartServerAsync();
        await using (var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={server.Port};Username=postgres;Database=postgres;Pooling=false"))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE apgrid", connection);
            await create.ExecuteNonQueryAsync();
        }

        return server;
    }

    private string Data => Path.Combine(directory, "data");

    /// <summary>Fast shutdown (connections are cut, as when the database host reboots) and start again.</summary>
    public async Task RestartAsync(TimeSpan down)
    {
        await RunAsPostgresAsync($"{Bin}/pg_ctl", "-D", Data, "-m", "fast", "-w", "stop");
        await Task.Delay(down);
        await StartServerAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsPostgresAsync($"{Bin}/pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException) { }

        try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private Task StartServerAsync() => RunAsPostgresAsync(
        $"{Bin}/pg_ctl", "-D", Data, "-w", "-l", Path.Combine(directory, "server.log"),
        "-o", $"-p {Port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=on", "start");

    private static Task RunAsPostgresAsync(params string[] command) => RunAsync("runuser", ["-u", "postgres", "--", .. command]);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
