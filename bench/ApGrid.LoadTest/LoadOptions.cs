namespace ApGrid.LoadTest;

internal sealed record LoadOptions(
    Uri Gateway, Uri Node, string Tenant, int Seconds, int Workers, int Subscribers, int Repeats, int Placements, int WarmUpSeconds, int? ServerPid, string? Out,
    IReadOnlySet<string> Only, IReadOnlyList<string> WriteTenants, int Writers)
{
    /// <summary>The names <c>--only</c> accepts, in the order the scenarios run.</summary>
    public static readonly IReadOnlyList<string> ScenarioNames =
        ["floor", "capacity", "capacityNode", "capacityRest", "capacityPaced", "report", "setApAvailability", "startPlacement", "fanOut"];

    public bool Runs(string scenario) => Only.Count == 0 || Only.Contains(scenario);

    public static LoadOptions Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        string[] List(string name, string fallback) => Get(name, fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(System.Globalization.CultureInfo.InvariantCulture)), System.Globalization.CultureInfo.InvariantCulture);
        var tenant = Get("tenant", "902");
        var only = new HashSet<string>(List("only", ""), StringComparer.OrdinalIgnoreCase);
        // "scale" and "walk" are the national-scale runs, which ScaleOptions takes.
        if (only.FirstOrDefault(n => !ScenarioNames.Contains(n, StringComparer.OrdinalIgnoreCase) && n is not ("scale" or "walk")) is { } unknown)
        {
            throw new ArgumentException($"--only: no scenario '{unknown}'; the names are {string.Join(", ", ScenarioNames)}, or scale or walk.");
        }

        return new LoadOptions(
            new Uri(Get("gateway", "http://127.0.0.1:5000")), new Uri(Get("node", "http://127.0.0.1:5100")), tenant,
            Int("seconds", 10), Int("workers", 32), Int("subscribers", 5000), Int("repeats", 10), Int("placements", 300), Int("warmup", 10),
            args.Contains("--server-pid") ? Int("server-pid", 0) : null,
            args.Contains("--out") ? Get("out", "") : null,
            only, List("write-tenants", tenant), Int("writers", 0));
    }
}
