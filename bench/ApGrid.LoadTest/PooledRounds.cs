namespace ApGrid.LoadTest;

/// <summary>
/// Request shapes whose figures are compared with one another (the floor, the same query through
/// the gateway, the node port and REST), run in short rounds that take turns and rotate which goes
/// first, each pooled into one figure. Run one after another, the first after the warm-up got a
/// still-tiering JIT and the last whatever else the shared machine had started doing by then, and
/// the gateway-to-node ratio moved between 70% and 102% from run to run.
/// </summary>
internal static class PooledRounds
{
    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(
        IReadOnlyList<(string Name, Func<int, Task<bool>> Send)> shapes, int workers, TimeSpan perShape, int rounds)
    {
        var recorders = shapes.Select(_ => new LatencyRecorder()).ToArray();
        var seconds = new double[shapes.Count];
        var serverCpu = new TimeSpan[shapes.Count];
        var harnessCpu = new TimeSpan[shapes.Count];
        var round = perShape / rounds;
        for (var r = 0; r < rounds; r++)
        {
            for (var k = 0; k < shapes.Count; k++)
            {
                var i = (k + r) % shapes.Count;
                var before = LoadRunner.Cpu?.Now();
                seconds[i] += (await LoadRunner.ClosedLoopAsync(recorders[i], workers, round, shapes[i].Send)).TotalSeconds;
                if (LoadRunner.Cpu is { } meter && before is { } b)
                {
                    var after = meter.Now();
                    serverCpu[i] += after.Servers - b.Servers;
                    harnessCpu[i] += after.Harness - b.Harness;
                }
            }
        }

        return [.. shapes.Select((shape, i) =>
        {
            var recorder = recorders[i];
            var result = new ScenarioResult(shape.Name, recorder.Count, recorder.Failures, seconds[i], recorder.Percentile(50), recorder.Percentile(95), recorder.Percentile(99));
            return LoadRunner.Cpu is null ? result : result.WithCpu(serverCpu[i], harnessCpu[i], recorder.Count);
        })];
    }
}
