using ApGrid.Domain;
using ApGrid.Grains;
using ApGrid.Grains.Abstractions;
using BenchmarkDotNet.Attributes;

namespace ApGrid.Benchmarks;

/// <summary>
/// The LA report from running aggregates: its cost follows the pupils in AP now and the pupils
/// waiting now (at most a few hundred in the largest LA), never the pupils the LA has ever had.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private readonly PlacementAggregates aggregates = new();
    private readonly DateOnly today = new(2026, 11, 23);
    private int[] waits = [];

    [Params(50, 500, 5000)]
    public int PupilsInAp { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        for (var i = 0; i < PupilsInAp * 3; i++)
        {
            var dob = today.AddYears(-random.Next(6, 16)).AddDays(-random.Next(0, 365));
            var fact = new PlacementFact($"p-{i}.pl1", $"p-{i}", dob, random.Next(1, 12), random.NextDouble() < 0.3, Outcome: null);
            aggregates.Started(fact);
            // Two in three have ended, so the ended history is twice the size of what is live.
            if (i % 3 != 0) aggregates.EndedWith(fact with { Outcome = PlacementOutcome.ReturnedToMainstream });
        }

        waits = [.. Enumerable.Range(0, PupilsInAp).Select(_ => random.Next(0, 700)).Order()];
    }

    [Benchmark]
    public int PlacementFigures() => aggregates.Report(today).PupilsInApByAge.Count;

    [Benchmark]
    public int? WaitPercentiles() => WaitStatistics.Percentile(waits, 50) + WaitStatistics.Percentile(waits, 90);
}
