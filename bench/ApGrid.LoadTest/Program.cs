using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ApGrid.LoadTest;

// Load harness (not part of `dotnet test`): drives a running ApGrid over loopback and compares each
// figure with references taken in the same run. bench/load.sh starts the servers: the `all` role
// (--gateway) and, as the reference without a gateway in front, a `node` role process (--node).
//   dotnet run -c Release --project bench/ApGrid.LoadTest -- --gateway http://127.0.0.1:5000 --node http://127.0.0.1:5100
if (args.Length == 2 && args[0] == "--floor-serve")
{
    await FloorServer.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture));
    return 0;
}

var options = LoadOptions.Parse(args);
if (ScaleOptions.Parse(args) is { } scale) return await ScaleRun.RunAsync(options, scale);

var floorPort = FreePort();
using var floorProcess = Process.Start(new ProcessStartInfo("dotnet", [typeof(FloorServer).Assembly.Location, "--floor-serve", floorPort.ToString(CultureInfo.InvariantCulture)])
{
    RedirectStandardOutput = true,
    UseShellExecute = false,
})!;
try
{
    var floor = ApGridClient.For(new Uri($"http://127.0.0.1:{floorPort}"));
    // The node process, when there is one, idles while the gateway is measured and the `all` server while the node is.
    LoadRunner.Cpu = new CpuMeter([.. new[] { options.ServerPid, options.NodePid, floorProcess.Id }.OfType<int>()]);
    for (var i = 0; i < 100 && !await floor.GetOkAsync("/", null); i++) await Task.Delay(100);

    Console.WriteLine($"ApGrid load run {DateTime.UtcNow:u}: {Environment.ProcessorCount} cores, {options.Workers} workers, {options.Seconds} s per scenario, tenant {options.Tenant}");
    var results = await new Scenarios(options, ApGridClient.For(options.Gateway), ApGridClient.For(options.Node), floor).RunAsync();

    double PerSecond(string prefix) => results.FirstOrDefault(r => r.Name.StartsWith(prefix, StringComparison.Ordinal))?.PerSecond ?? double.NaN;
    var ratios = string.Create(CultureInfo.InvariantCulture,
        $"capacity through gateway / floor: {PerSecond("capacity query, gateway (GraphQL)") / PerSecond("floor") * 100:F0}%; " +
        $"revalidated by the response cache / floor: {PerSecond("capacity query, GET with If-None-Match") / PerSecond("floor") * 100:F0}% (target >= 50%, either row); " +
        $"gateway / node port: {PerSecond("capacity query, gateway (GraphQL)") / PerSecond("capacity query, node port") * 100:F0}% (target >= 85%); " +
        $"every request computed / floor: {PerSecond("capacity query, every request computed, gateway (GraphQL)") / PerSecond("floor") * 100:F0}%");
    Console.WriteLine(ratios);

    if (options.Out is { Length: > 0 } path)
    {
        var lines = new List<string>
        {
            "| scenario | req/s | p50 ms | p95 ms | p99 ms | ok | failed | server CPU µs/req | harness CPU µs/req |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        };
        lines.AddRange(results.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"| {r.Name} | {r.PerSecond:F0} | {r.P50:F2} | {r.P95:F2} | {r.P99:F2} | {r.Requests} | {r.Failures} | {r.ServerCpuMicros:F0} | {r.HarnessCpuMicros:F0} |")));
        lines.Add("");
        lines.Add(ratios);
        await File.WriteAllLinesAsync(path, lines);
    }

    return 0;
}
finally
{
    floorProcess.Kill();
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
