namespace ApGrid.LoadTest;

internal sealed record ScenarioResult(string Name, int Requests, int Failures, double Seconds, double P50, double P95, double P99,
    double ServerCpuMicros = double.NaN, double HarnessCpuMicros = double.NaN)
{
    public double PerSecond => Requests / Seconds;

    /// <summary>This result with the CPU the servers and the harness spent per request between the two readings.</summary>
    public ScenarioResult WithCpu((TimeSpan Servers, TimeSpan Harness) before, (TimeSpan Servers, TimeSpan Harness) after) => Requests == 0 ? this : this with
    {
        ServerCpuMicros = (after.Servers - before.Servers).TotalMicroseconds / Requests,
        HarnessCpuMicros = (after.Harness - before.Harness).TotalMicroseconds / Requests,
    };
}
