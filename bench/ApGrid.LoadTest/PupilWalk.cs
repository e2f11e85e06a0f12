using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;

namespace ApGrid.LoadTest;

/// <summary>
/// Reads every pupil of the national world once through the gateway, tenant by tenant, as that
/// tenant's LA officer, while sampling the server's memory and activations. Pupils are found the way
/// an LA officer would: the LA's schools, then each school's pupil list (which reads those pupils
/// too); then each pupil is read on its own. Every read is audited, so the walk also writes.
/// </summary>
internal sealed class PupilWalk(LoadOptions options, ScaleOptions scale, ApGridClient gateway, ServerSampler sampler)
{
    private const string PupilQuery = "query($id: ID!) { pupil(id: $id) { id upn yearGroup senProvision primaryNeed currentPlacement { id } } }";

    private long walked;
    private long failures;

    public async Task<IReadOnlyList<string>> RunAsync()
    {
        var pupils = Channel.CreateBounded<(string Token, string Id)>(10_000);
        var clock = Stopwatch.StartNew();
        var samples = new List<ServerSample>();
        using var stop = new CancellationTokenSource();
        var sampling = SampleAsync(samples, clock, stop.Token);

        var listing = ListPupilsAsync(pupils.Writer);
        var workers = Enumerable.Range(0, options.Workers).Select(_ => Task.Run(async () =>
        {
            await foreach (var (token, id) in pupils.Reader.ReadAllAsync())
            {
                if (scale.WalkRate > 0)
                {
                    // Paced: the n-th read is due at n / rate seconds, whichever worker sends it.
                    var due = TimeSpan.FromSeconds(Interlocked.Read(ref walked) / scale.WalkRate);
                    if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
                }

                if (await gateway.GraphQLAsync(token, PupilQuery, new { id }) is not null) Interlocked.Increment(ref walked);
                else Interlocked.Increment(ref failures);
            }
        })).ToList();
        await listing;
        await Task.WhenAll(workers);
        var walkSeconds = clock.Elapsed.TotalSeconds;

        // Idle afterwards: the activations left should fall away as they age out.
        await Task.Delay(TimeSpan.FromSeconds(scale.IdleSeconds));
        await stop.CancelAsync();
        await sampling;

        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"walked {walked:N0} pupils ({failures} failed) in {walkSeconds:F0} s: {walked / walkSeconds:F0} pupils/s, {options.Workers} workers, rate cap {(scale.WalkRate > 0 ? scale.WalkRate.ToString(CultureInfo.InvariantCulture) + "/s" : "none")}; then idle {scale.IdleSeconds} s"),
            "",
            "| t s | pupils walked | pupils/s since last | RSS MB | activations | pupil activations | failed |",
            "|---:|---:|---:|---:|---:|---:|---:|",
        };
        ServerSample? previous = null;
        foreach (var s in samples)
        {
            var rate = previous is null ? s.PupilsWalked / s.Seconds : (s.PupilsWalked - previous.PupilsWalked) / (s.Seconds - previous.Seconds);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {s.Seconds:F0} | {s.PupilsWalked} | {rate:F0} | {s.RssMb?.ToString("F0", CultureInfo.InvariantCulture) ?? "-"} | {s.Activations?.ToString(CultureInfo.InvariantCulture) ?? "-"} | {s.PupilActivations?.ToString(CultureInfo.InvariantCulture) ?? "-"} | {s.Failures} |"));
            previous = s;
        }

        return lines;
    }

    private async Task ListPupilsAsync(ChannelWriter<(string Token, string Id)> pupils)
    {
        var listed = 0;
        try
        {
            for (var code = scale.FirstTenant; code <= scale.LastTenant && listed < scale.WalkLimit; code++)
            {
                var tenant = code.ToString(CultureInfo.InvariantCulture);
                var token = await gateway.DevTokenAsync(tenant, "LA_OFFICER");
                var schools = await gateway.GraphQLAsync(token, "{ localAuthority { schools { urn } } }")
                    ?? throw new InvalidOperationException($"could not list the schools of tenant {tenant}");
                foreach (var school in schools.GetProperty("localAuthority").GetProperty("schools").EnumerateArray())
                {
                    var list = await gateway.GraphQLAsync(token, "query($urn: String!) { school(urn: $urn) { pupils { id } } }", new { urn = school.GetProperty("urn").GetString() })
                        ?? throw new InvalidOperationException($"could not list the pupils of school {school.GetProperty("urn")}");
                    foreach (var pupil in list.GetProperty("school").GetProperty("pupils").EnumerateArray())
                    {
                        if (listed++ >= scale.WalkLimit) return;
                        await pupils.WriteAsync((token, pupil.GetProperty("id").GetString()!));
                    }
                }
            }
        }
        finally
        {
            pupils.Complete();
        }
    }

    private async Task SampleAsync(List<ServerSample> samples, Stopwatch clock, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(scale.SampleSeconds));
        try
        {
            do
            {
                var (all, pupils) = await sampler.ActivationsAsync();
                var sample = new ServerSample(clock.Elapsed.TotalSeconds, Interlocked.Read(ref walked), Interlocked.Read(ref failures), sampler.RssMb(), all, pupils);
                samples.Add(sample);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{sample.Seconds,6:F0} s  {sample.PupilsWalked,8} pupils  RSS {sample.RssMb,7:F0} MB  activations {sample.Activations,8} (pupils {sample.PupilActivations,8})  failed {sample.Failures}"));
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException)
        {
            // The walk and the idle time are over.
        }
    }
}
