using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ApGrid.LoadTest;

/// <summary>The request shapes the targets in issue 8 name, each against the running servers.</summary>
internal sealed class Scenarios(LoadOptions options, ApGridClient gateway, ApGridClient node, ApGridClient floor)
{
    private const string CapacityQuery = "{ apCapacity(filter: { keyStage: KS3 }) { setting { urn fullTimePlacesFree sessions { session free } } } }";
    private const string ReportQuery = "{ report { asOf pupilsInApByAge { key count } lengthOfStay { firstYearGroup pupils } ehcpIssuedWithin20WeeksPercent specialSchoolWaitMedianDays } }";

    public async Task<IReadOnlyList<ScenarioResult>> RunAsync()
    {
        var la = await gateway.DevTokenAsync(options.Tenant, "LA_OFFICER");
        var results = new List<ScenarioResult>();
        var seconds = TimeSpan.FromSeconds(options.Seconds);
        void Report(ScenarioResult r)
        {
            results.Add(r);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Name,-40} {r.PerSecond,8:F0} req/s  p50 {r.P50,7:F2} ms  p95 {r.P95,7:F2} ms  p99 {r.P99,7:F2} ms  ({r.Requests} ok, {r.Failures} failed)  CPU/req server {r.ServerCpuMicros:F0} µs, harness {r.HarnessCpuMicros:F0} µs"));
        }

        // Warm every path under load first (tiered JIT, connection pools, caches), unmeasured: with
        // 3 s per path, perf still found the JIT compiling (a seventh of the server's CPU) in the
        // first measured scenarios, so the default is 10 s.
        var capacity = ApGridClient.Body(CapacityQuery);
        var computed = new ComputedEveryTime(CapacityQuery);
        Task<bool> Floor(int _) => floor.GetOkAsync("/", null);
        Task<bool> CapacityThroughGateway(int _) => gateway.GraphQLOkAsync(la, capacity);
        Task<bool> CapacityOnNode(int _) => node.GraphQLOkAsync(la, capacity);
        Task<bool> CapacityComputed(int _) => gateway.GraphQLOkAsync(la, computed.Next());
        Task<bool> CapacityThroughRest(int _) => gateway.GetOkAsync("/api/v1/capacity?keyStage=KS3", la);
        var revalidatedPath = "/graphql?query=" + Uri.EscapeDataString(CapacityQuery);
        var held = new System.Runtime.CompilerServices.StrongBox<string?>();
        Task<bool> CapacityRevalidated(int _) => gateway.RevalidateOkAsync(revalidatedPath, la, held);

        var warmUp = TimeSpan.FromSeconds(options.WarmUpSeconds);
        string[] reads = ["floor", "capacity", "capacityNode", "capacityRest", "capacityRevalidated", "capacityPaced", "report"];
        if (reads.Any(options.Runs))
        {
            foreach (var path in new Func<int, Task<bool>>[] { Floor, CapacityThroughGateway, CapacityOnNode, CapacityComputed, CapacityThroughRest, CapacityRevalidated })
            {
                await LoadRunner.ClosedLoopAsync("warm-up", options.Workers, warmUp, path);
            }
        }

        const string GatewayCapacity = "capacity query, gateway (GraphQL)";
        List<(string Name, Func<int, Task<bool>> Send)> compared = [];
        if (options.Runs("floor")) compared.Add(("floor: bare Kestrel, fixed body", Floor));
        if (options.Runs("capacity") || options.Runs("capacityPaced")) compared.Add((GatewayCapacity, CapacityThroughGateway));
        if (options.Runs("capacityNode")) compared.Add(("capacity query, node port (GraphQL)", CapacityOnNode));
        if (options.Runs("capacityComputed")) compared.Add(("capacity query, every request computed, gateway (GraphQL)", CapacityComputed));
        if (options.Runs("capacityRest") && await CapacityThroughRest(0)) compared.Add(("capacity query, gateway (REST)", CapacityThroughRest));
        if (options.Runs("capacityRevalidated")) compared.Add(("capacity query, GET with If-None-Match, gateway (GraphQL)", CapacityRevalidated));

        var pooled = await PooledRounds.RunAsync(compared, options.Workers, seconds, options.Rounds);
        foreach (var result in pooled) Report(result);

        if (options.Runs("capacityPaced"))
        {
            var peak = pooled.First(r => r.Name == GatewayCapacity).PerSecond;
            var (fromDue, fromSend) = await LoadRunner.PacedAsync("capacity query, gateway, at half of peak", options.Workers, peak / 2, seconds, CapacityThroughGateway);
            Report(fromDue);
            Report(fromSend);
        }

        if (options.Runs("report"))
        {
            var report = ApGridClient.Body(ReportQuery);
            Report(await LoadRunner.ClosedLoopAsync("LA report, gateway", options.Workers, seconds, _ => gateway.GraphQLOkAsync(la, report)));
        }

        if (options.Runs("setApAvailability")) Report(await new AvailabilityWriters(options, gateway).RunAsync(seconds));
        if (options.Runs("startPlacement")) Report(await StartPlacementsAsync(la));
        if (options.Runs("fanOut")) Report(await FanOutAsync(la));
        return results;
    }

    /// <summary>Approved referrals are made first (not measured); then each startPlacement takes one Thursday-morning session place.</summary>
    private async Task<ScenarioResult> StartPlacementsAsync(string la)
    {
        var data = (await gateway.GraphQLAsync(la, "{ localAuthority { schools { urn } apSettings { urn registered keyStages fullTimePlaces sessions { session places } outreachHoursPerWeek } } }"))!.Value.GetProperty("localAuthority");
        var school = data.GetProperty("schools").EnumerateArray().Last().GetProperty("urn").GetString()!;
        var setting = data.GetProperty("apSettings").EnumerateArray().First(s => s.GetProperty("keyStages").EnumerateArray().Any(k => k.GetString() == "KS3"));
        var urn = setting.GetProperty("urn").GetString()!;
        var opened = await gateway.GraphQLAsync(la, "mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { urn } }", new
        {
            input = new
            {
                urn,
                fullTimePlaces = setting.GetProperty("fullTimePlaces").GetInt32(),
                sessions = setting.GetProperty("sessions").EnumerateArray().Select(x => new
                {
                    session = x.GetProperty("session").GetString(),
                    places = x.GetProperty("session").GetString() == "THU_AM" ? 500 : x.GetProperty("places").GetInt32(),
                }),
                outreachHoursPerWeek = setting.GetProperty("outreachHoursPerWeek").GetDouble(),
            },
        });
        if (opened is null) throw new InvalidOperationException($"could not open Thursday-morning places at {urn}");

        var schoolToken = await gateway.DevTokenAsync(options.Tenant, "SCHOOL_STAFF", school);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var referrals = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Placements), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            if (await ApprovedReferralAsync(la, schoolToken, school, today) is { } id) referrals.Enqueue(id);
        });

        var start = today.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = today.AddDays(63).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var recorder = new LatencyRecorder();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Math.Min(options.Workers, 16)).Select(_ => Task.Run(async () =>
        {
            while (referrals.TryDequeue(out var referralId))
            {
                var t = Stopwatch.GetTimestamp();
                var placed = await gateway.GraphQLAsync(la, "mutation($input: StartPlacementInput!) { startPlacement(input: $input) { id } }", new
                {
                    input = new { referralId, apUrn = urn, startDate = start, plannedEndDate = end, fullTime = false, sessions = new[] { "THU_AM" }, objectives = new[] { "Reintegration" }, reviewEveryWeeks = 4 },
                });
                if (placed is not null) recorder.Record(t); else recorder.Fail();
            }
        })));
        return new ScenarioResult("startPlacement, gateway", recorder.Count, recorder.Failures, clock.Elapsed.TotalSeconds,
            recorder.Percentile(50), recorder.Percentile(95), recorder.Percentile(99));
    }

    private async Task<string?> ApprovedReferralAsync(string la, string schoolToken, string school, DateOnly today)
    {
        var last12 = options.Tenant + "7" + Random.Shared.Next(0, 1000).ToString("D3", CultureInfo.InvariantCulture) + "26" + Random.Shared.Next(0, 1000).ToString("D3", CultureInfo.InvariantCulture);
        var upn = ApGrid.Domain.Upn.CheckLetterFor(last12) + last12;
        var dob = new DateOnly(today.Year - 13, 3, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var pupil = await gateway.GraphQLAsync(schoolToken, "mutation($input: RegisterPupilInput!) { registerPupil(input: $input) { id } }", new
        {
            input = new { upn, initials = "LT", dateOfBirth = dob, yearGroup = 8, homeSchoolUrn = school, senProvision = "SEN_SUPPORT", primaryNeed = "SEMH", lookedAfter = false },
        });
        if (pupil is null) return null;
        var pupilId = pupil.Value.GetProperty("registerPupil").GetProperty("id").GetString();
        var referral = await gateway.GraphQLAsync(schoolToken, "mutation($id: ID!) { submitReferral(input: { pupilId: $id, reason: \"Load test\", strategiesTried: [\"Pastoral plan\"] }) { id } }", new { id = pupilId });
        if (referral is null) return null;
        var referralId = referral.Value.GetProperty("submitReferral").GetProperty("id").GetString()!;
        var on = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await gateway.GraphQLAsync(schoolToken, "mutation($id: ID!, $on: Date!) { recordParentalConsent(referralId: $id, noticeGivenOn: $on) { id } }", new { id = referralId, on });
        var decided = await gateway.GraphQLAsync(la, "mutation($id: ID!, $on: Date!) { decideReferral(input: { referralId: $id, approved: true, panelMembers: [\"Inclusion lead\", \"Educational psychologist\"], decidedOn: $on }) { id } }", new { id = referralId, on });
        return decided is null ? null : referralId;
    }

    /// <summary>N subscribers through the gateway; one capacity change; the time until the last of them has it, repeated.</summary>
    private async Task<ScenarioResult> FanOutAsync(string la)
    {
        var partner = await gateway.DevTokenAsync(options.Tenant, "PARTNER");
        var wsUrl = new UriBuilder(gateway.BaseAddress) { Scheme = gateway.BaseAddress.Scheme == "https" ? "wss" : "ws", Path = "/graphql" }.Uri;
        var subscribers = new List<Subscriber>();
        using var cancel = new CancellationTokenSource();
        var connected = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Subscribers), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (_, ct) =>
        {
            var subscriber = new Subscriber();
            await subscriber.ConnectAsync(wsUrl, partner, "subscription { capacityChanged { urn fullTimePlaces } }", cancel.Token);
            lock (subscribers) subscribers.Add(subscriber);
        });
        Console.WriteLine($"{subscribers.Count} subscribers connected in {connected.Elapsed.TotalSeconds:F1} s");
        await Task.Delay(2000);

        var setting = (await gateway.GraphQLAsync(la, "{ localAuthority { apSettings { urn fullTimePlaces sessions { session places } outreachHoursPerWeek } } }"))!
            .Value.GetProperty("localAuthority").GetProperty("apSettings")[0].Clone();
        // Unmeasured changes first, for as long as the reads are warmed: the subscription path (each
        // subscription executing its selection, the WebSocket writes through the gateway) is compiled
        // and tiered only when changes flow, and on 2 busy cores perf found the tiering thread taking
        // a third of the server's CPU for the first 10 s of changes, the first change taking 0.5-1 s.
        var warmUp = Stopwatch.StartNew();
        var round = 0;
        while (warmUp.Elapsed < TimeSpan.FromSeconds(options.WarmUpSeconds))
        {
            PrintChange($"warm-up change {round + 1}", await ChangeAndWaitAsync(la, setting, subscribers, round++));
        }

        var lastDeliveries = new LatencyRecorder();
        var cpuBefore = LoadRunner.Cpu?.Now();
        var receivedBefore = subscribers.Sum(s => (long)s.Received);
        for (var measured = 0; measured < options.Repeats; measured++)
        {
            var ms = await ChangeAndWaitAsync(la, setting, subscribers, round++);
            if (ms is null) lastDeliveries.Fail(); else lastDeliveries.Add(ms.Value);
            PrintChange($"change {measured + 1}", ms);
        }

        var cpuAfter = LoadRunner.Cpu?.Now();
        var delivered = subscribers.Sum(s => (long)s.Received) - receivedBefore;
        await cancel.CancelAsync();
        await Task.WhenAll(subscribers.Select(s => s.DisposeAsync().AsTask()));
        var result = new ScenarioResult($"fan-out: last of {options.Subscribers} subscribers, gateway", lastDeliveries.Count, lastDeliveries.Failures, 1,
            lastDeliveries.Percentile(50), lastDeliveries.Percentile(95), lastDeliveries.Percentile(99));

        // CPU per message delivered, the 500 ms pauses between changes included (keep-alives and
        // timers of 5,000 open connections): steadier than the last delivery's time on a shared machine.
        return cpuBefore is { } before && cpuAfter is { } after ? result.WithCpu(after.Servers - before.Servers, after.Harness - before.Harness, delivered) : result;
    }

    private static void PrintChange(string label, double? lastDeliveryMs) =>
        Console.WriteLine(lastDeliveryMs is null ? $"  {label}: not every subscriber got it" : $"  {label}: last delivery after {lastDeliveryMs:F0} ms");

    /// <summary>One capacity change; milliseconds until the last subscriber had it, or null when some never did within 10 s.</summary>
    private async Task<double?> ChangeAndWaitAsync(string la, JsonElement setting, List<Subscriber> subscribers, int round)
    {
        // Each subscriber must have one more than before: a late delivery of an earlier change to one
        // subscriber must not make up for another that has not had this one yet.
        var before = subscribers.Select(s => s.Received).ToArray();
        bool AllHaveIt() => !subscribers.Where((s, i) => s.Received <= before[i]).Any();
        var sent = Stopwatch.GetTimestamp();
        var changed = await gateway.GraphQLAsync(la, "mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { urn } }", new
        {
            input = new
            {
                urn = setting.GetProperty("urn").GetString(),
                fullTimePlaces = setting.GetProperty("fullTimePlaces").GetInt32() + 1 + (round % 2),
                sessions = setting.GetProperty("sessions").EnumerateArray().Select(x => new { session = x.GetProperty("session").GetString(), places = x.GetProperty("places").GetInt32() }),
                outreachHoursPerWeek = setting.GetProperty("outreachHoursPerWeek").GetDouble(),
            },
        });
        var deadline = Stopwatch.StartNew();
        while (!AllHaveIt() && deadline.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(5);
        var complete = changed is not null && AllHaveIt();
        double? ms = complete ? Stopwatch.GetElapsedTime(sent, subscribers.Max(s => s.LastNextTimestamp)).TotalMilliseconds : null;
        await Task.Delay(500);
        return ms;
    }
}
