using System.Diagnostics;

namespace ApGrid.LoadTest;

/// <summary>
/// Runs one request shape for a fixed time, either closed-loop (each of N workers sends its next
/// request when the last answers: the peak) or paced at a fixed rate (to read latency at a given load).
/// </summary>
internal static class LoadRunner
{
    /// <summary>Set once by Program: whose CPU each scenario's requests are charged with.</summary>
    public static CpuMeter? Cpu { get; set; }

    public static async Task<ScenarioResult> ClosedLoopAsync(string name, int workers, TimeSpan duration, Func<int, Task<bool>> send)
    {
        var recorder = new LatencyRecorder();
        var cpu = Cpu?.Now();
        var elapsed = await ClosedLoopAsync(recorder, workers, duration, send);
        return Result(name, recorder, elapsed, cpu);
    }

    /// <summary>The closed loop alone, adding to <paramref name="recorder"/>, so rounds can pool into one figure.</summary>
    /// <returns>How long it ran.</returns>
    public static async Task<TimeSpan> ClosedLoopAsync(LatencyRecorder recorder, int workers, TimeSpan duration, Func<int, Task<bool>> send)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                if (await send(worker)) recorder.Record(start); else recorder.Fail();
            }
        })));
        return clock.Elapsed;
    }

    /// <summary>
    /// <paramref name="perSecond"/> requests a second shared by <paramref name="workers"/> loops, each
    /// on its own schedule, staggered (the way wrk2 paces its connections). One sender at the full
    /// rate woke every 0.25 ms, which the timer cannot do: requests left in bursts, each burst opened
    /// new connections, and the p99 at half of peak ran from 9 to 95 ms between runs.
    /// </summary>
    /// <returns>
    /// Latency from when each request was due, and the same requests timed from when they were sent:
    /// where the two tails part, the requests queued behind a slow answer or a late wake-up of the
    /// harness itself rather than being slow to answer.
    /// </returns>
    public static async Task<(ScenarioResult FromDue, ScenarioResult FromSend)> PacedAsync(string name, int workers, double perSecond, TimeSpan duration, Func<int, Task<bool>> send)
    {
        var recorder = new LatencyRecorder();
        var fromSend = new LatencyRecorder();
        var cpu = Cpu?.Now();
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(workers / perSecond);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            for (var due = interval * worker / workers; due < duration; due += interval)
            {
                if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);

                // Latency counts from when the request was due, so a late answer to the previous
                // request (queueing) shows in this one's latency rather than slowing the schedule.
                var sent = Stopwatch.GetTimestamp();
                var start = sent - (long)((clock.Elapsed - due).TotalSeconds * Stopwatch.Frequency);
                if (await send(worker))
                {
                    recorder.Record(start);
                    fromSend.Record(sent);
                }
                else
                {
                    recorder.Fail();
                    fromSend.Fail();
                }
            }
        })));
        return (Result(name, recorder, clock.Elapsed, cpu), Result(name + ", timed from each send", fromSend, clock.Elapsed, null));
    }

    private static ScenarioResult Result(string name, LatencyRecorder recorder, TimeSpan elapsed, (TimeSpan, TimeSpan)? cpuBefore)
    {
        var result = new ScenarioResult(name, recorder.Count, recorder.Failures, elapsed.TotalSeconds, recorder.Percentile(50), recorder.Percentile(95), recorder.Percentile(99));
        return Cpu is { } meter && cpuBefore is { } before ? result.WithCpu(before, meter.Now()) : result;
    }
}
