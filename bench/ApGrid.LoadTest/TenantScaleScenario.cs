using System.Globalization;

namespace ApGrid.LoadTest;

/// <summary>
/// The LA report and the capacity query for the smallest and the largest seeded tenant under the
/// same load: short closed-loop rounds that alternate between the two tenants (and swap which goes
/// first each round), so drift in what else the shared machine is doing falls on both alike.
/// </summary>
internal sealed class TenantScaleScenario(LoadOptions options, ScaleOptions scale, ApGridClient gateway)
{
    private const string ReportQuery = "{ report { asOf pupilsInApByAge { key count } outcomes { key count } ehcpFinalIssued ehcpIssuedWithin20WeeksPercent specialSchoolWaitMedianDays pupilsWaitingInAp outreachHoursAllocated } }";
    private const string CapacityQuery = "{ apCapacity(filter: { keyStage: KS3, sessions: [MON_AM, WED_AM] }) { setting { urn name sessions { session free } } } }";
    private static readonly byte[] ReportBody = ApGridClient.Body(ReportQuery);
    private static readonly byte[] CapacityBody = ApGridClient.Body(CapacityQuery);

    public async Task<IReadOnlyList<string>> RunAsync()
    {
        var tenants = new[] { scale.SmallTenant, scale.LargeTenant };
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tenant in tenants) tokens[tenant] = await gateway.DevTokenAsync(tenant, "LA_OFFICER");
        var computed = new ComputedEveryTime(CapacityQuery);
        var queries = new (string Name, Func<byte[]> Body)[]
        {
            ("LA report", () => ReportBody),
            ("capacity query", () => CapacityBody),
            ("capacity query, every request computed", computed.Next),
        };

        var lines = new List<string>();
        foreach (var (name, query) in new[] { ("LA report", ReportQuery), ("capacity query", CapacityQuery) })
        {
            foreach (var tenant in tenants)
            {
                var data = await gateway.GraphQLAsync(tokens[tenant], query) ?? throw new InvalidOperationException($"{name} failed for tenant {tenant}");
                lines.Add($"{name}, tenant {tenant}: answer {data.GetRawText().Length:N0} bytes");
            }
        }

        foreach (var (_, query) in queries)
        {
            foreach (var tenant in tenants) await ClosedLoopAsync(new LatencyRecorder(), TimeSpan.FromSeconds(3), tokens[tenant], query);
        }

        var recorders = queries.SelectMany(q => tenants.Select(t => (q.Item1, t))).ToDictionary(k => k, _ => (Recorder: new LatencyRecorder(), Seconds: 0.0));
        var round = TimeSpan.FromSeconds(options.Seconds);
        for (var r = 0; r < scale.Rounds; r++)
        {
            foreach (var (name, query) in queries)
            {
                foreach (var tenant in r % 2 == 0 ? tenants : tenants.Reverse())
                {
                    var (recorder, seconds) = recorders[(name, tenant)];
                    recorders[(name, tenant)] = (recorder, seconds + await ClosedLoopAsync(recorder, round, tokens[tenant], query));
                }
            }
        }

        lines.Add("");
        lines.Add("| request | tenant | req/s | p50 ms | p95 ms | p99 ms | ok | failed |");
        lines.Add("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var ((name, tenant), (recorder, seconds)) in recorders)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {tenant} | {recorder.Count / seconds:F0} | {recorder.Percentile(50):F2} | {recorder.Percentile(95):F2} | {recorder.Percentile(99):F2} | {recorder.Count} | {recorder.Failures} |"));
        }

        lines.Add("");
        foreach (var (name, _) in queries)
        {
            var (small, smallSeconds) = recorders[(name, scale.SmallTenant)];
            var (large, largeSeconds) = recorders[(name, scale.LargeTenant)];
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{name}: tenant {scale.LargeTenant} / {scale.SmallTenant}: req/s {small.Count / smallSeconds / (large.Count / largeSeconds):F2}x slower, " +
                $"p50 {large.Percentile(50) / small.Percentile(50):F2}, p95 {large.Percentile(95) / small.Percentile(95):F2}, p99 {large.Percentile(99) / small.Percentile(99):F2} (target <= 1.5)"));
        }

        return lines;
    }

    private async Task<double> ClosedLoopAsync(LatencyRecorder recorder, TimeSpan duration, string token, Func<byte[]> body) =>
        (await LoadRunner.ClosedLoopAsync(recorder, options.Workers, duration, _ => gateway.GraphQLOkAsync(token, body()))).TotalSeconds;
}
