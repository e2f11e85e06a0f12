namespace ApGrid.LoadTest;

internal sealed record LoadOptions(
    Uri Gateway, Uri Node, string Tenant, int Seconds, int Workers, int Subscribers, int Repeats, int Placements, int WarmUpSeconds, int? ServerPid, string? Out)
{
    public static LoadOptions Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(System.Globalization.CultureInfo.InvariantCulture)), System.Globalization.CultureInfo.InvariantCulture);
        return new LoadOptions(
            new Uri(Get("gateway", "http://127.0.0.1:5000")), new Uri(Get("node", "http://127.0.0.1:5100")), Get("tenant", "902"),
            Int("seconds", 10), Int("workers", 32), Int("subscribers", 5000), Int("repeats", 10), Int("placements", 300), Int("warmup", 10),
            args.Contains("--server-pid") ? Int("server-pid", 0) : null,
            args.Contains("--out") ? Get("out", "") : null);
    }
}
