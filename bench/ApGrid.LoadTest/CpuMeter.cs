using System.Diagnostics;
using System.Globalization;

namespace ApGrid.LoadTest;

/// <summary>
/// CPU time the servers (ApGrid and the floor) and this harness spent per request. On a shared
/// 2-core machine throughput moves with whatever else runs, but the CPU a request costs moves much
/// less, so it says where time goes (the gateway hop, the GraphQL execution) even in a noisy run.
/// Linux only (/proc); elsewhere the figures are NaN.
/// </summary>
internal sealed class CpuMeter(IReadOnlyList<int> serverPids)
{
    // USER_HZ: /proc reports CPU time in ticks of 1/100 s on every Linux the harness targets.
    private const double TicksPerSecond = 100;

    public (TimeSpan Servers, TimeSpan Harness) Now() =>
        (TimeSpan.FromSeconds(serverPids.Sum(ProcessTicks) / TicksPerSecond), Process.GetCurrentProcess().TotalProcessorTime);

    private static long ProcessTicks(int pid)
    {
        try
        {
            // Fields after the command name (which may contain spaces) start at ")"; utime and stime are fields 14 and 15.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
