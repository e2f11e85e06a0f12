namespace ApGrid.LoadTest;

internal sealed record LoadOptions(
    Uri Gateway, Uri Node, string Tenant, int Seconds, int Workers, int Subscribers, int Repeats, int Placements, int WarmUpSeconds, int? ServerPid, int? NodePid, string? Out,
    IReadOnlySet<string> Only, IReadOnlyList<string> WriteTenants, int Writers, int Rounds)
{
    /// <summary>The names <c>--only</c> accepts, in the order the scenarios run.</summary>
    public static readonly IReadOnlyList<string> ScenarioNames =
        ["floor", "capacity", "capacityNode", "capacityComputed", "capacityRest", "capacityRevalidated", "capacityPaced", "report", "setApAvailability", "startPlacement", "fanOut"];

    public bool Runs(string scenario) => Only.Count == 0 || Only.Contains(scenario);

    public static LoadOptions Parse(string[] args)
    {
        var line = new CommandLine(args);
        var tenant = line.Get("tenant", "902");
        var only = new HashSet<string>(line.List("only", ""), StringComparer.OrdinalIgnoreCase);
        // "scale" and "walk" are the national-scale runs, which ScaleOptions takes.
        if (only.FirstOrDefault(n => !ScenarioNames.Contains(n, StringComparer.OrdinalIgnoreCase) && n is not ("scale" or "walk")) is { } unknown)
        {
            throw new ArgumentException($"--only: no scenario '{unknown}'; the names are {string.Join(", ", ScenarioNames)}, or scale or walk.");
        }

        return new LoadOptions(
            new Uri(line.Get("gateway", "http://127.0.0.1:5000")), new Uri(line.Get("node", "http://127.0.0.1:5100")), tenant,
            line.Int("seconds", 10), line.Int("workers", 32), line.Int("subscribers", 5000), line.Int("repeats", 10), line.Int("placements", 300),
            line.Int("warmup", 10),
            line.Has("server-pid") ? line.Int("server-pid", 0) : null,
            line.Has("node-pid") ? line.Int("node-pid", 0) : null,
            line.Has("out") ? line.Get("out", "") : null,
            only, line.List("write-tenants", tenant), line.Int("writers", 0), Math.Max(1, line.Int("rounds", 4)));
    }
}
