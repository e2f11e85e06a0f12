namespace ApGrid.LoadTest;

internal sealed record ScenarioResult(string Name, int Requests, int Failures, double Seconds, double P50, double P95, double P99)
{
    public double PerSecond => Requests / Seconds;
}
