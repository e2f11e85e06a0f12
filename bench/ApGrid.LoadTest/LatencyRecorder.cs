using System.Diagnostics;

namespace ApGrid.LoadTest;

/// <summary>Collects per-request latencies from many loops; percentiles by nearest rank.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<double> milliseconds = [];
    private int failures;

    public int Count { get { lock (milliseconds) return milliseconds.Count; } }

    public int Failures => failures;

    public void Record(long startTimestamp) => Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    public void Add(double elapsedMilliseconds)
    {
        lock (milliseconds) milliseconds.Add(elapsedMilliseconds);
    }

    public void Fail() => Interlocked.Increment(ref failures);

    public double Percentile(double percent)
    {
        lock (milliseconds)
        {
            if (milliseconds.Count == 0) return double.NaN;
            var sorted = milliseconds.Order().ToList();
            return sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count), 1, sorted.Count) - 1];
        }
    }
}
