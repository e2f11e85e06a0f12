using System.Globalization;

namespace ApGrid.LoadTest;

/// <summary>
/// Options of the national-scale runs (`--only scale` or `--only walk`), parsed apart from
/// <see cref="LoadOptions"/> so the default run is unchanged.
/// </summary>
internal sealed record ScaleOptions(
    string Only, string SmallTenant, string LargeTenant, int Rounds, int FirstTenant, int LastTenant,
    double WalkRate, int WalkLimit, int ServerPid, int SampleSeconds, int IdleSeconds)
{
    public static ScaleOptions? Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var only = Get("only", "");
        if (only is not ("scale" or "walk")) return null;

        // The national seed's tenants are LA codes 201-353; 219 is the smallest and 311 the largest.
        return new ScaleOptions(
            only, Get("small", "219"), Get("large", "311"), Int("rounds", 4), Int("first-tenant", 201), Int("last-tenant", 353),
            double.Parse(Get("walk-rate", "0"), CultureInfo.InvariantCulture), Int("walk-limit", int.MaxValue), Int("server-pid", 0),
            Int("sample-seconds", 10), Int("idle-seconds", 0));
    }
}
