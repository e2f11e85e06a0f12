using System.Globalization;

namespace ApGrid.LoadTest;

/// <summary>The national-scale runs: `--only scale` (smallest vs largest tenant) or `--only walk` (every pupil, memory sampled).</summary>
internal static class ScaleRun
{
    public static async Task<int> RunAsync(LoadOptions options, ScaleOptions scale)
    {
        var gateway = ApGridClient.For(options.Gateway);
        var header = string.Create(CultureInfo.InvariantCulture,
            $"ApGrid {scale.Only} run {DateTime.UtcNow:u}: {Environment.ProcessorCount} cores, {options.Workers} workers, load average at start {LoadAverage()}");
        Console.WriteLine(header);
        var lines = scale.Only == "scale"
            ? await new TenantScaleScenario(options, scale, gateway).RunAsync()
            : await new PupilWalk(options, scale, gateway, new ServerSampler(options.ServerPid ?? 0, ApGridClient.For(options.Node))).RunAsync();
        var all = new List<string> { header, "" };
        all.AddRange(lines);
        all.Add("");
        all.Add($"load average at end {LoadAverage()}");
        foreach (var line in all.Skip(1)) Console.WriteLine(line);
        if (options.Out is { Length: > 0 } path) await File.WriteAllLinesAsync(path, all);
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
