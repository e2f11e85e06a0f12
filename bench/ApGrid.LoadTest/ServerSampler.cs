using System.Globalization;
using System.Text.Json;

namespace ApGrid.LoadTest;

/// <summary>
/// Reads the server's resident memory from /proc (same machine only) and its activation counts from
/// the Orleans dashboard on the node port, when the server runs with Operations:Dashboard:Enabled.
/// </summary>
internal sealed class ServerSampler(int serverPid, ApGridClient node)
{
    public double? RssMb()
    {
        if (serverPid <= 0) return null;
        try
        {
            var line = File.ReadLines($"/proc/{serverPid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public async Task<(int? All, int? Pupils)> ActivationsAsync()
    {
        var counters = await node.GetJsonAsync("/ops/dashboard/DashboardCounters");
        if (counters is not { } c || !c.TryGetProperty("totalActivationCount", out var total)) return (null, null);
        var pupils = c.GetProperty("simpleGrainStats").EnumerateArray()
            .Where(s => s.GetProperty("grainType").GetString()?.EndsWith(".PupilGrain", StringComparison.Ordinal) == true)
            .Sum(s => s.GetProperty("activationCount").GetInt32());
        return (total.GetInt32(), pupils);
    }
}
