using System.Collections.Concurrent;
using System.Globalization;
using ApGrid.Domain;
using ApGrid.Grains.Abstractions;
using ApGrid.Server.Tests.Running;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace ApGrid.Server.Tests.Faults;

/// <summary>
/// kill -9 of the single-machine process on SQLite while every kind of cross-grain step runs:
/// registrations, placement starts and ends, waiting-list adds and availability changes. After a
/// restart the outbox index must empty, no UPN may stay claimed for a pupil that never registered,
/// and the LA's figures, the AP settings, the special school and the change feed must agree with
/// what the pupils record. The load is an Orleans client on the server's gateway port, so each
/// step is the grains' own, cut wherever the kill lands.
/// </summary>
public sealed class SagaKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Tenant = "990";
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "apgrid-saga-kill-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> settings = new() { ["DemoData:Enabled"] = "false" };

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Kill_9_in_the_middle_of_every_saga_leaves_nothing_blocked_or_double_counted_and_the_LA_feed_and_grains_agree()
    {
        const string placesUrn = "990001", availabilityUrn = "990002", specialUrn = "990003", homeUrn = "990004";
        await using var first = new ServerProcess(dataDirectory, settings);
        first.Start();
        await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        var attempted = new ConcurrentDictionary<string, PupilRecord>();
        var acknowledged = new ConcurrentDictionary<string, bool>();
        var operations = 0;
        var failures = new ConcurrentQueue<string>();
        await using (var client = await ServerClient.ConnectAsync(first))
        {
            var grains = client.Grains;
            await RunAsync(async () =>
            {
                var la = grains.GetGrain<ILocalAuthorityGrain>(Tenant);
                await la.CreateAsync(new LocalAuthorityProfile(Tenant, "Kill test LA", 1.3, 30, 45, 75));
                var profile = new ApSettingProfile("Kill test AP", ApSettingType.PupilReferralUnit, true, [KeyStage.Ks3, KeyStage.Ks4], [NeedType.Semh], new Location(52.9, -1.1));
                foreach (var urn in new[] { placesUrn, availabilityUrn })
                {
                    await grains.GetGrain<IApSettingGrain>(GrainKeys.For(Tenant, urn))
                        .CreateAsync(profile, new ApAvailability(0, [.. Sessions.All.Select(s => new SessionPlaces(s, 400))], 0));
                    await la.RegisterApSettingAsync(new RegistryEntry(urn, profile.Name));
                }

                await grains.GetGrain<ISpecialSchoolGrain>(GrainKeys.For(Tenant, specialUrn))
                    .CreateAsync(new SpecialSchoolProfile("Kill test special", [NeedType.Asd], new Location(52.9, -1.1)), 5, 5);
                await la.RegisterSpecialSchoolAsync(new RegistryEntry(specialUrn, "Kill test special"));
                await grains.GetGrain<ISchoolGrain>(GrainKeys.For(Tenant, homeUrn)).CreateAsync(new SchoolProfile("Kill test school", Phase.Secondary, new Location(52.9, -1.1)));
                return true;
            });

            using var stop = new CancellationTokenSource();
            async Task Loop(Func<int, Task> step)
            {
                // Off the caller's flow at once: a step that fails synchronously must not keep the others from starting.
                await Task.Yield();
                for (var i = 1; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        await step(i);
                        Interlocked.Increment(ref operations);
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        // Cut off by the kill: the checks below decide what that may leave.
                        if (first.HasExited || stop.IsCancellationRequested) return;
                        failures.Enqueue(ex.GetType().Name + ": " + ex.Message);
                        if (failures.Count > 20) return;
                    }
                }
            }

            Task<bool> Register(string pupilId, SenProvision sen, int serial)
            {
                var record = Record(serial, sen, homeUrn);
                attempted[pupilId] = record;
                return RunAsync(async () =>
                {
                    var registered = await grains.GetGrain<IPupilGrain>(GrainKeys.For(Tenant, pupilId)).RegisterAsync(record);
                    if (registered.Succeeded) acknowledged[pupilId] = true;
                    return registered.Succeeded;
                });
            }

            var load = new[]
            {
                Loop(i => Register($"k-r{i}", SenProvision.SenSupport, 10_000 + i)),
                Loop(async i =>
                {
                    var pupilId = $"k-p{i}";
                    if (!await Register(pupilId, SenProvision.SenSupport, 20_000 + i)) return;
                    var pupil = grains.GetGrain<IPupilGrain>(GrainKeys.For(Tenant, pupilId));
                    var started = await RunAsync(() => pupil.StartPlacementAsync(
                        new PlacementRequest("", placesUrn, Today, Today.AddDays(56), FullTime: false, [Session.MonAm])));
                    if (i % 2 == 0 && started.Value is { } snapshot)
                    {
                        await RunAsync(() => pupil.EndPlacementAsync(snapshot.Placements[^1].PlacementId, Today, PlacementOutcome.ReturnedToMainstream));
                    }
                }),
                Loop(async i =>
                {
                    var pupilId = $"k-w{i}";
                    if (!await Register(pupilId, SenProvision.EhcPlan, 30_000 + i)) return;
                    await RunAsync(() => grains.GetGrain<IPupilGrain>(GrainKeys.For(Tenant, pupilId)).AddToWaitingListAsync(specialUrn, Today));
                }),
                Loop(i => RunAsync(() => grains.GetGrain<IApSettingGrain>(GrainKeys.For(Tenant, availabilityUrn))
                    .SetAvailabilityAsync(new ApAvailability(i % 300, [.. Sessions.All.Select(s => new SessionPlaces(s, 400))], 0)))),
            };

            await Task.Delay(TimeSpan.FromSeconds(3));
            await first.KillAsync();
            stop.Cancel();
            await Task.WhenAll(load);
        }

        Assert.True(operations > 20, $"the load hardly ran: {operations} steps; failures before the kill: {string.Join(" | ", failures.Take(5))}");
        await using var second = new ServerProcess(dataDirectory, settings);
        second.Start();
        await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        var ready = System.Diagnostics.Stopwatch.StartNew();
        await using var after = await ServerClient.ConnectAsync(second);
        var g = after.Grains;
        // Recovery runs in the background after readiness (the sweep at start wakes what the dead
        // process left in the outbox index), so the checks are repeated until they hold or a minute passes.
        List<string> problems;
        string summary;
        do
        {
            (problems, summary) = await CheckAsync();
            if (problems.Count > 0) await Task.Delay(TimeSpan.FromSeconds(1));
        }
        while (problems.Count > 0 && ready.Elapsed < TimeSpan.FromMinutes(1));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"saga kill -9: {operations} steps completed before the kill ({failures.Count} refused by exceptions), {attempted.Count} pupils attempted, {acknowledged.Count} registrations acknowledged; {summary}; consistent {ready.Elapsed.TotalSeconds:F1} s after ready"));
        Assert.Empty(problems);

        Task<(List<string>, string)> CheckAsync() => RunAsync(async () =>
        {
            var problems = new List<string>();
            var la = g.GetGrain<ILocalAuthorityGrain>(Tenant);

            // Nothing blocked: a UPN is either free (a new registration gets it) or held by a registered pupil.
            foreach (var (pupilId, record) in attempted)
            {
                var holder = await la.ClaimUpnAsync(record.Upn, "probe-" + pupilId);
                if (holder != "probe-" + pupilId && await g.GetGrain<IPupilGrain>(GrainKeys.For(Tenant, holder)).GetAsync() is null)
                {
                    problems.Add($"UPN of {pupilId} held by {holder}, which never registered");
                }

                if (acknowledged.ContainsKey(pupilId) && holder != pupilId) problems.Add($"acknowledged {pupilId} lost its UPN to {holder}");
            }

            var snapshots = new Dictionary<string, PupilSnapshot>();
            foreach (var pupilId in attempted.Keys)
            {
                if (await g.GetGrain<IPupilGrain>(GrainKeys.For(Tenant, pupilId)).GetAsync() is { } snapshot) snapshots[pupilId] = snapshot;
                else if (acknowledged.ContainsKey(pupilId)) problems.Add($"acknowledged pupil {pupilId} is missing");
            }

            // Places: the setting holds exactly the placements the pupils record as active, and the LA counts them once.
            var active = snapshots.Values.SelectMany(p => p.Placements.Where(x => x.IsActive).Select(x => (p.Id, x.PlacementId))).ToHashSet();
            var held = (await g.GetGrain<IApSettingGrain>(GrainKeys.For(Tenant, placesUrn)).GetPlacementsAsync(active: true))
                .Select(r => (r.PupilId, r.PlacementId)).ToHashSet();
            if (!active.SetEquals(held)) problems.Add($"setting holds {held.Count} places, pupils record {active.Count} active placements");
            var report = await la.GetReportAsync();
            if (report.PartTime != active.Count) problems.Add($"the LA counts {report.PartTime} part-time placements, pupils record {active.Count}");

            // The LA's capacity index agrees with each setting.
            var index = (await la.GetCapacityIndexAsync()).ToDictionary(s => s.Urn);
            foreach (var urn in new[] { placesUrn, availabilityUrn })
            {
                var own = await g.GetGrain<IApSettingGrain>(GrainKeys.For(Tenant, urn)).GetCapacityAsync();
                if (index[urn].Version != own!.Version || index[urn].FullTimePlaces != own.FullTimePlaces
                    || !index[urn].Sessions.SequenceEqual(own.Sessions))
                {
                    problems.Add($"index of {urn} at version {index[urn].Version}, setting at {own.Version}");
                }
            }

            // The waiting list: the school's open entries and the pupils' listed entries are the same set.
            var entries = (await g.GetGrain<ISpecialSchoolGrain>(GrainKeys.For(Tenant, specialUrn)).GetWaitingListAsync())
                .Select(e => (e.PupilId, e.Id)).ToHashSet();
            var listed = snapshots.Values.SelectMany(p => (p.WaitingListEntryIds ?? []).Select(id => (p.Id, id))).ToHashSet();
            if (!entries.SetEquals(listed)) problems.Add($"the school lists {entries.Count} entries, the pupils {listed.Count}");
            if (report.PupilsWaiting != entries.Count) problems.Add($"the LA counts {report.PupilsWaiting} waiting, the school {entries.Count}");

            // The feed has every placement the pupils record.
            var fed = new HashSet<string>();
            var feed = g.GetGrain<IChangeFeedGrain>(Tenant);
            for (long last = 0; ;)
            {
                var page = await feed.ReadAsync(last, 1000);
                if (page.Count == 0) break;
                fed.UnionWith(page.Where(e => e.Kind == ChangeKind.Placement).Select(e => e.SubjectId));
                last = page[^1].Sequence;
            }

            var unfed = snapshots.Values.SelectMany(p => p.Placements).Count(p => !fed.Contains(p.PlacementId));
            if (unfed > 0) problems.Add($"{unfed} recorded placements are not on the feed");

            return (problems, string.Create(CultureInfo.InvariantCulture,
                $"{snapshots.Count} registered after restart, {active.Count} active placements, {entries.Count} waiting entries"));
        });

    }

    private static Task<T> RunAsync<T>(Func<Task<T>> action) => TenantContext.RunAsync(Tenant, action);

    private static PupilRecord Record(int serial, SenProvision sen, string homeUrn)
    {
        var last12 = Tenant + "8123" + serial.ToString("D5", CultureInfo.InvariantCulture);
        return new PupilRecord(Upn.CheckLetterFor(last12) + last12, "KS", SchoolYear.AcademicYearStart(Today).AddYears(-13).AddDays(30), homeUrn,
            sen, sen == SenProvision.EhcPlan ? NeedType.Asd : NeedType.Semh, LookedAfter: false);
    }
}
