namespace ApGrid.LoadTest;

/// <summary>
/// Options of the national-scale runs (`--only scale` or `--only walk`), parsed apart from
/// <see cref="LoadOptions"/> so the default run is unchanged.
/// </summary>
internal sealed record ScaleOptions(
    string Only, string SmallTenant, string LargeTenant, int Rounds, int FirstTenant, int LastTenant,
    double WalkRate, int WalkLimit, int SampleSeconds, int IdleSeconds)
{
    public static ScaleOptions? Parse(string[] args)
    {
        var line = new CommandLine(args);
        var only = line.Get("only", "");
        if (only is not ("scale" or "walk")) return null;

        // The national seed's tenants are LA codes 201-353; 219 is the smallest and 311 the largest.
        return new ScaleOptions(
            only, line.Get("small", "219"), line.Get("large", "311"), line.Int("rounds", 4), line.Int("first-tenant", 201), line.Int("last-tenant", 353),
            line.Double("walk-rate", 0), line.Int("walk-limit", int.MaxValue), line.Int("sample-seconds", 10), line.Int("idle-seconds", 0));
    }
}
