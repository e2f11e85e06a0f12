using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ApGrid.Server.Tests.Running;

/// <summary>
/// The real ApGrid executable in its own process, on its own ports and data folder, as a user
/// runs it. Output is kept so a failing test can show it.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly StringBuilder output = new();
    private Process? process;

    public ServerProcess(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null, string environment = "Development")
    {
        Environment = environment;
        DataDirectory = dataDirectory;
        HttpPort = FreePort();
        SiloPort = FreePort();
        GatewayPort = FreePort();
        NodeHttp2Port = FreePort();
        Settings = settings ?? new Dictionary<string, string>();
    }

    public string DataDirectory { get; }

    /// <summary>ASPNETCORE_ENVIRONMENT: Development unless a test runs the server as deployed.</summary>
    public string Environment { get; }

    public int HttpPort { get; private set; }

    public int SiloPort { get; private set; }

    public int GatewayPort { get; private set; }

    /// <summary>The node's HTTP/2 port for gateways (Node:Http2Url), in the `node` role.</summary>
    public int NodeHttp2Port { get; private set; }

    public IReadOnlyDictionary<string, string> Settings { get; }

    public bool HasExited => process is { HasExited: true };

    /// <summary>CPU time the server process has used so far, all its threads together.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            var running = process ?? throw new InvalidOperationException("The server has not started.");
            running.Refresh();
            return running.TotalProcessorTime;
        }
    }

    /// <summary>The public address (--urls): the gateway's in the `all` and `gateway` roles, the node's in the `node` role.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

    /// <summary>Where a gateway process reaches this node: its HTTP/2 address.</summary>
    public string NodeHttp2Url => $"http://127.0.0.1:{NodeHttp2Port}";

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public void Start()
    {
        var serverDll = Path.Combine(AppContext.BaseDirectory, "ApGrid.Server.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(serverDll);
        foreach (var (key, value) in Arguments()) { info.ArgumentList.Add($"--{key}"); info.ArgumentList.Add(value); }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = Environment;
        process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>
    /// Polls /health/ready until it answers 200, returning the body and how long it took. A free port
    /// can be taken by another test's process between our probe and the server's bind; then the
    /// server is started again on fresh ports.
    /// </summary>
    public async Task<(string Body, TimeSpan Elapsed)> WaitUntilReadyAsync(TimeSpan timeout)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await PollUntilReadyAsync(timeout);
            }
            catch (InvalidOperationException) when (attempt < 3 && Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                lock (output) output.Clear();
                HttpPort = FreePort();
                SiloPort = FreePort();
                GatewayPort = FreePort();
                NodeHttp2Port = FreePort();
                process?.Dispose();
                Start();
            }
        }
    }

    private async Task<(string Body, TimeSpan Elapsed)> PollUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"The server exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK) return (await response.Content.ReadAsStringAsync(), clock.Elapsed);
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Not ready within {timeout}:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, as a crash or an OOM kill would do.</summary>
    public async Task KillAsync()
    {
        if (process is null || process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process?.Dispose();
    }

    private IEnumerable<(string Key, string Value)> Arguments()
    {
        yield return ("urls", BaseAddress.ToString().TrimEnd('/'));
        yield return ("Storage:SqlitePath", Path.Combine(DataDirectory, "apgrid.db"));
        yield return ("Orleans:SiloPort", SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("Orleans:GatewayPort", GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("Node:Http2Url", NodeHttp2Url);
        foreach (var (key, value) in Settings) yield return (key, value);
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
