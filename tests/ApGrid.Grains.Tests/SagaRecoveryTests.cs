using ApGrid.Domain;
using ApGrid.Grains.Abstractions;
using ApGrid.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace ApGrid.Grains.Tests;

/// <summary>
/// Every step that spans grains (register a pupil, start or end a placement, join a waiting list,
/// change availability) goes through the coordinator's outbox. Each test rewrites stored state as a
/// kill -9 at one point of the step leaves it, lets storage's outbox index wake the grain, and checks
/// that nothing is blocked or counted twice and that the LA's figures and the feed agree with the grains.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SagaRecoveryTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    private OutboxSweep Sweep => fixture.Cluster.Silos[0].SiloHost.Services.GetRequiredService<OutboxSweep>();

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_registration_killed_after_claiming_its_UPN_gives_the_UPN_back_so_a_retry_registers()
    {
        var tenant = TestWorld.NewTenant();
        var grains = new TenantGrains(Grains, tenant);
        var record = Record(tenant, "301");
        var dead = grains.Pupil("r-dead");
        var la = grains.La;

        // Killed after the intent was stored and the LA took the claim, before the pupil recorded itself.
        await StoredGrainState.RewriteAsync<PupilState>(fixture.Cluster, "pupil", dead.GetGrainId(), s =>
        {
            s.PendingRegistration = record;
            s.Outbox.Add(new OutboxMessage(OutboxMessageKind.RegistrationResolved, "r-dead"));
        });
        Assert.Equal("r-dead", await la.ClaimUpnAsync(record.Upn, "r-dead"));
        var refused = await grains.Pupil("r-early").RegisterAsync(record);
        Assert.Equal(("upn", ErrorCode.Validation), (refused.Error?.Field, refused.Error?.Code));

        await SweepAsync();

        var retried = await grains.Pupil("r-retry").RegisterAsync(record);
        Assert.True(retried.Succeeded, retried.Error?.Message);
        Assert.Null(await dead.GetAsync());
        Assert.Contains("r-retry", await grains.School(record.HomeSchoolUrn).GetPupilIdsAsync());
        var stored = await StoredGrainState.ReadAsync<PupilState>(fixture.Cluster, fixture.Storage.SqlitePath!, GrainKeys.For(tenant, "r-dead"));
        Assert.Null(stored!.PendingRegistration);
        Assert.Empty(stored.Outbox);
    }

    [Fact]
    public async Task A_registration_whose_pupil_was_recorded_keeps_its_UPN_after_recovery()
    {
        var tenant = TestWorld.NewTenant();
        var grains = new TenantGrains(Grains, tenant);
        var record = Record(tenant, "302");
        var pupil = grains.Pupil("r-kept");
        Assert.True((await pupil.RegisterAsync(record)).Succeeded);

        // A resolution delivered again after the pupil was recorded must not release its claim.
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await StoredGrainState.RewriteAsync<PupilState>(fixture.Cluster, "pupil", pupil.GetGrainId(), s =>
            s.Outbox.Add(new OutboxMessage(OutboxMessageKind.RegistrationResolved, "r-kept")));
        await SweepAsync();

        var second = await grains.Pupil("r-other").RegisterAsync(record);
        Assert.Equal("upn", second.Error?.Field);
        Assert.Equal("r-kept", await grains.La.ClaimUpnAsync(record.Upn, "r-probe"));
    }

    [Fact]
    public async Task A_start_killed_between_reserving_and_recording_gives_the_place_back_and_a_retry_gets_it()
    {
        var (tenant, urn, pupil) = await SettingAndPupilAsync("s-1", "303");
        var grains = new TenantGrains(Grains, tenant);
        var setting = grains.Setting(urn);

        // Killed after the setting held the place, before the pupil recorded the placement.
        await StoredGrainState.RewriteAsync<PupilState>(fixture.Cluster, "pupil", pupil.GetGrainId(), s =>
        {
            s.PendingPlacementStarts["pl-s1"] = urn;
            s.Outbox.Add(new OutboxMessage(OutboxMessageKind.PlacementStartResolved, "pl-s1"));
        });
        Assert.True((await setting.ReservePlaceAsync(TestWorld.PartTime("pl-s1", Session.MonAm) with { PupilId = "s-1" })).Succeeded);
        Assert.Equal(0, MondayMorningFree(await setting.GetCapacityAsync()));

        await SweepAsync();

        Assert.Equal(1, MondayMorningFree(await setting.GetCapacityAsync()));
        Assert.Equal(1, MondayMorningFree(Assert.Single(await grains.La.GetCapacityIndexAsync())));
        Assert.Empty((await pupil.GetAsync())!.Placements);

        var retried = await pupil.StartPlacementAsync(PartTime("pl-s1b", urn));
        Assert.True(retried.Succeeded, retried.Error?.Message);
        Assert.Equal(0, MondayMorningFree(await setting.GetCapacityAsync()));
        Assert.Equal(1, (await grains.La.GetReportAsync()).PartTime);
    }

    [Fact]
    public async Task A_start_killed_before_its_reservation_arrived_leaves_nothing_held_and_nothing_blocked()
    {
        var (tenant, urn, pupil) = await SettingAndPupilAsync("s-2", "304");
        var grains = new TenantGrains(Grains, tenant);
        await StoredGrainState.RewriteAsync<PupilState>(fixture.Cluster, "pupil", pupil.GetGrainId(), s =>
        {
            s.PendingPlacementStarts["pl-s2"] = urn;
            s.Outbox.Add(new OutboxMessage(OutboxMessageKind.PlacementStartResolved, "pl-s2"));
        });

        // Not swept: the next start on the same pupil resolves the one cut short first.
        var started = await pupil.StartPlacementAsync(PartTime("pl-s2b", urn));

        Assert.True(started.Succeeded, started.Error?.Message);
        Assert.Equal(0, MondayMorningFree(await grains.Setting(urn).GetCapacityAsync()));
        var stored = await StoredGrainState.ReadAsync<PupilState>(fixture.Cluster, fixture.Storage.SqlitePath!, GrainKeys.For(tenant, "s-2"));
        Assert.Empty(stored!.PendingPlacementStarts);
    }

    [Fact]
    public async Task A_start_recorded_before_the_kill_keeps_its_place_and_is_counted_once()
    {
        var (tenant, urn, pupil) = await SettingAndPupilAsync("s-3", "305");
        var grains = new TenantGrains(Grains, tenant);
        Assert.True((await pupil.StartPlacementAsync(PartTime("pl-s3", urn))).Succeeded);
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        // Killed again before the delivered messages were cleared: all of them are delivered a second time.
        await StoredGrainState.RewriteAsync<PupilState>(fixture.Cluster, "pupil", pupil.GetGrainId(), s => s.Outbox.AddRange([
            new OutboxMessage(OutboxMessageKind.PlacementStartResolved, "pl-s3"),
            new OutboxMessage(OutboxMessageKind.LaPlacementStarted, "pl-s3"),
            new OutboxMessage(OutboxMessageKind.PlacementChanged, "pl-s3")]));
        await SweepAsync();

        Assert.Equal(0, MondayMorningFree(await grains.Setting(urn).GetCapacityAsync()));
        Assert.Equal(1, (await grains.La.GetReportAsync()).PartTime);
        Assert.Single((await pupil.GetAsync())!.Placements);
    }

    [Fact]
    public async Task An_end_killed_after_it_was_recorded_frees_the_place_and_reaches_the_LA_and_the_feed()
    {
        var (tenant, urn, pupil) = await SettingAndPupilAsync("s-4", "306");
        var grains = new TenantGrains(Grains, tenant);
        Assert.True((await pupil.StartPlacementAsync(PartTime("pl-s4", urn))).Succeeded);
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var feed = grains.Feed;
        var before = (await feed.ReadAsync(0, 1000)).Count;

        // The pupil's write of the end, as a kill -9 right after it leaves it: nothing told.
        await StoredGrainState.RewriteAsync<PupilState>(fixture.Cluster, "pupil", pupil.GetGrainId(), s =>
        {
            var placement = s.Placements.Single();
            s.Placements[0] = placement with { EndDate = Today, Outcome = PlacementOutcome.ReturnedToMainstream };
            s.Outbox.AddRange([
                new OutboxMessage(OutboxMessageKind.SettingPlaceReleased, "pl-s4"),
                new OutboxMessage(OutboxMessageKind.LaPlacementEnded, "pl-s4"),
                new OutboxMessage(OutboxMessageKind.PlacementChanged, "pl-s4")]);
        });
        Assert.Equal(0, MondayMorningFree(await grains.Setting(urn).GetCapacityAsync()));

        await SweepAsync();

        Assert.Equal(1, MondayMorningFree(await grains.Setting(urn).GetCapacityAsync()));
        Assert.Equal(1, MondayMorningFree(Assert.Single(await grains.La.GetCapacityIndexAsync())));
        var report = await grains.La.GetReportAsync();
        Assert.Equal(0, report.PartTime);
        var fed = (await feed.ReadAsync(0, 1000)).Skip(before).ToList();
        Assert.Contains(fed, e => (e.Kind, e.SubjectId) == (ChangeKind.Placement, "pl-s4"));
        Assert.Contains(fed, e => (e.Kind, e.SubjectId) == (ChangeKind.Capacity, urn));
    }

    [Fact]
    public async Task A_waiting_list_add_killed_after_the_school_made_the_entry_is_recorded_by_the_pupil_and_can_be_answered()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var urn = await world.SpecialSchoolAsync(places: 2, placesTaken: 0);
        var pupilId = await world.PupilAsync();
        var pupil = world.Pupil(pupilId);
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        // Killed after the school stored the entry, before the pupil recorded it.
        await StoredGrainState.RewriteAsync<PupilState>(fixture.Cluster, "pupil", pupil.GetGrainId(), s =>
        {
            s.PendingWaitingListAdds["req-1"] = new PendingWaitingListAdd(urn, WaitingListWorld.Today);
            s.Outbox.Add(new OutboxMessage(OutboxMessageKind.WaitingListAddResolved, "req-1"));
        });
        var made = await world.RunAsync(() => world.School(urn).AddEntryAsync(pupilId, WaitingListWorld.Today, "req-1"));
        Assert.True(made.Succeeded, made.Error?.Message);

        await SweepAsync();

        var listed = Assert.Single((await world.RunAsync(pupil.GetAsync))!.WaitingListEntryIds!);
        Assert.Equal(made.Value!.Id, listed);
        Assert.Single(await world.RunAsync(world.School(urn).GetWaitingListAsync));
        Assert.True((await world.RunAsync(() => world.School(urn).OfferPlaceAsync(listed, null))).Succeeded);
        var accepted = await world.RunAsync(() => pupil.RespondToOfferAsync(listed, accepted: true));
        Assert.True(accepted.Succeeded, accepted.Error?.Message);
    }

    [Fact]
    public async Task A_waiting_list_add_killed_before_the_school_heard_of_it_is_completed_once()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var urn = await world.SpecialSchoolAsync(places: 1, placesTaken: 1);
        var pupilId = await world.PupilAsync();
        var pupil = world.Pupil(pupilId);
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await StoredGrainState.RewriteAsync<PupilState>(fixture.Cluster, "pupil", pupil.GetGrainId(), s =>
        {
            s.PendingWaitingListAdds["req-2"] = new PendingWaitingListAdd(urn, WaitingListWorld.Today.AddDays(-10));
            s.Outbox.Add(new OutboxMessage(OutboxMessageKind.WaitingListAddResolved, "req-2"));
        });

        await SweepAsync();
        await SweepAsync();

        var entry = Assert.Single(await world.RunAsync(world.School(urn).GetWaitingListAsync));
        Assert.Equal([entry.Id], (await world.RunAsync(pupil.GetAsync))!.WaitingListEntryIds!);
        Assert.Equal(10, (await world.RunAsync(world.La.GetReportAsync)).SpecialSchoolWaitMedianDays);
        var again = await world.RunAsync(() => pupil.AddToWaitingListAsync(urn, WaitingListWorld.Today));
        Assert.Equal(("pupilId", ErrorCode.Conflict), (again.Error?.Field, again.Error?.Code));
    }

    [Fact]
    public async Task An_availability_change_killed_before_it_was_published_reaches_the_LA_index_and_the_feed()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 4));
        var grains = new TenantGrains(Grains, tenant);
        var setting = grains.Setting(urn);
        Assert.Equal(4, Assert.Single(await grains.La.GetCapacityIndexAsync()).FullTimePlaces);
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var feed = grains.Feed;
        var before = (await feed.ReadAsync(0, 1000)).Count;

        await StoredGrainState.RewriteAsync<ApSettingState>(fixture.Cluster, "apSetting", setting.GetGrainId(), s =>
        {
            s.FullTimePlaces = 9;
            s.Version++;
            s.Outbox.AddRange([new OutboxMessage(OutboxMessageKind.LaCapacity, urn), new OutboxMessage(OutboxMessageKind.CapacityChanged, urn)]);
        });

        await SweepAsync();

        var announced = Assert.Single((await feed.ReadAsync(0, 1000)).Skip(before));
        Assert.Equal((ChangeKind.Capacity, urn), (announced.Kind, announced.SubjectId));
        Assert.Equal(9, Assert.Single(await grains.La.GetCapacityIndexAsync()).FullTimePlaces);
        Assert.Empty((await StoredGrainState.ReadAsync<ApSettingState>(fixture.Cluster, fixture.Storage.SqlitePath!, GrainKeys.For(tenant, urn)))!.Outbox);
    }

    private Task<int> SweepAsync() => Sweep.SweepAsync(DateTimeOffset.UtcNow, CancellationToken.None);

    private static PupilRecord Record(string tenant, string serial)
    {
        var last12 = tenant + "4001" + "23" + serial;
        return new PupilRecord(Upn.CheckLetterFor(last12) + last12, "SR", SchoolYear.AcademicYearStart(Today).AddYears(-13).AddDays(40), "100001",
            SenProvision.SenSupport, NeedType.Semh, LookedAfter: false);
    }

    private async Task<(string Tenant, string Urn, IPupilGrain Pupil)> SettingAndPupilAsync(string pupilId, string serial)
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 0, perSession: 1));
        var grains = new TenantGrains(Grains, tenant);
        var pupil = new TenantGrains(Grains, tenant).Pupil(pupilId);
        Assert.True((await pupil.RegisterAsync(Record(tenant, serial))).Succeeded);
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        return (tenant, urn, pupil);
    }

    private static PlacementRequest PartTime(string id, string urn) => new(id, urn, Today, Today.AddDays(56), FullTime: false, [Session.MonAm]);

    private static int MondayMorningFree(ApCapacitySnapshot? capacity) => capacity!.Sessions.Single(s => s.Session == Session.MonAm).Free;
}
