namespace ApGrid.LoadTest;

internal sealed record ScenarioResult(string Name, int Requests, int Failures, double Seconds, double P50, double P95, double P99,
    double ServerCpuMicros = double.NaN, double HarnessCpuMicros = double.NaN)
{
    public double PerSecond => Requests / Seconds;

    /// <summary>This result with the CPU the servers and the harness spent per request between the two readings.</summary>
    public ScenarioResult WithCpu((TimeSpan Servers, TimeSpan Harness) before, (TimeSpan Servers, TimeSpan Harness) after) =>
        WithCpu(after.Servers - before.Servers, after.Harness - before.Harness, Requests);

    /// <summary>This result with <paramref name="servers"/> and <paramref name="harness"/> CPU shared over <paramref name="count"/> requests (or messages).</summary>
    public ScenarioResult WithCpu(TimeSpan servers, TimeSpan harness, double count) => count <= 0 ? this : this with
    {
        ServerCpuMicros = servers.TotalMicroseconds / count,
        HarnessCpuMicros = harness.TotalMicroseconds / count,
    };
}
