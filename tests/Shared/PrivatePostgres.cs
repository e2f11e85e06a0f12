using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ApGrid.TestSupport;

/// <summary>
/// A PostgreSQL 15 server of the caller's own (initdb into a temporary folder, its own port), from
/// the binaries the Debian package installs: for tests that stop and restart it mid-load, and for
/// every PostgreSQL test when APGRID_TEST_POSTGRES names no server (<see cref="TestPostgres"/>).
/// </summary>
internal sealed class PrivatePostgres : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";

    // Over TCP the server asks for it, as a real one does: tests of a wrong password must be refused.
    private const string Password = "apgrid";
    private readonly string directory = Path.Combine(Path.GetTempPath(), "apgrid-pg-" + Guid.NewGuid().ToString("N"));

    public int Port { get; } = FreePort();

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Password={Password};Database=apgrid;Pooling=true;Timeout=5;Command Timeout=10";

    /// <summary>The superuser on the maintenance database, for creating and dropping test databases.</summary>
    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Password={Password};Database=postgres";

    public static async Task<PrivatePostgres> StartAsync()
    {
        if (!File.Exists(Path.Combine(Bin, "postgres")))
        {
            throw new InvalidOperationException(
                $"{Bin}/postgres is missing: install postgresql-15 (`bash .ci/postgres.sh` does, as root) or set APGRID_TEST_POSTGRES to a server's connection string.");
        }

        var server = new PrivatePostgres();
        Directory.CreateDirectory(server.directory);
        var passwordFile = Path.Combine(server.directory, "password");
        await File.WriteAllTextAsync(passwordFile, Password);
        // PostgreSQL refuses to run as root; the Debian package's postgres user owns the data then.
        if (RunningAsRoot) await RunAsync("chown", "-R", "postgres:postgres", server.directory);
        await RunAsPostgresAsync(
            $"{Bin}/initdb", "-D", server.Data, "-U", "postgres", "--pwfile", passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync");
        await server.StartServerAsync();
        await using (var connection = new NpgsqlConnection(server.AdminConnectionString + ";Pooling=false"))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE apgrid", connection);
            await create.ExecuteNonQueryAsync();
        }

        return server;
    }

    private string Data => Path.Combine(directory, "data");

    private static bool RunningAsRoot => Environment.UserName == "root";

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

    /// <summary>
    /// Stops the server and removes its folder once this process has ended, however it ends: a
    /// watcher outside the process does it, as a dying test host may not finish its own clean-up.
    /// </summary>
    public void RemoveWhenThisProcessEnds()
    {
        var stop = $"{Bin}/pg_ctl -D '{Data}' -m immediate -w stop";
        var script = $"""
            exec </dev/null >/dev/null 2>&1
            while kill -0 {Environment.ProcessId}; do sleep 1; done
            {(RunningAsRoot ? "runuser -u postgres -- " + stop : stop)}
            rm -rf '{directory}'
            """;
        var info = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "sh", "-c", script }) info.ArgumentList.Add(argument);
        using var watcher = Process.Start(info) ?? throw new InvalidOperationException("setsid did not start");
    }

    private Task StartServerAsync() => RunAsPostgresAsync(
        $"{Bin}/pg_ctl", "-D", Data, "-w", "-l", Path.Combine(directory, "server.log"),
        "-o", $"-p {Port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=on", "start");

    private static Task RunAsPostgresAsync(params string[] command) =>
        RunningAsRoot ? RunAsync("runuser", ["-u", "postgres", "--", .. command]) : RunAsync(command[0], command[1..]);

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
