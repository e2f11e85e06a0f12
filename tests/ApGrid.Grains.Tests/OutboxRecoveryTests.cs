using ApGrid.Domain;
using ApGrid.Grains.Abstractions;
using ApGrid.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace ApGrid.Grains.Tests;

/// <summary>
/// A pupil's change is written with the outbox messages it owes the LA and the change feed, then
/// they are delivered. A process killed between the two must not leave the LA's figures or the feed
/// without the change: the stored messages are delivered when the pupil next activates, and the
/// outbox index lets the sweep wake a pupil nobody reads again. A special school's waiting-list
/// changes go the same way.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OutboxRecoveryTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    [Fact]
    public async Task A_change_whose_messages_were_delivered_leaves_the_outbox_index_once_the_pupil_is_collected()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 0, perSession: 2));
        var grains = new TenantGrains(Grains, tenant);
        var pupil = grains.Pupil("f-1");
        Assert.True((await pupil.RegisterAsync(Pupil())).Succeeded);
        Assert.True((await pupil.StartPlacementAsync(PartTime("pl-f1", urn))).Succeeded);

        // Written before its calls were made, so it is marked until the pupil clears it.
        Assert.True(await IsMarkedAsync(pupil.GetGrainId()));
        Assert.Equal(1, (await grains.La.GetReportAsync()).PartTime);

        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.False(await IsMarkedAsync(pupil.GetGrainId()));
        var stored = await StoredGrainState.ReadAsync<PupilState>(fixture.Cluster, fixture.Storage.SqlitePath!, GrainKeys.For(tenant, "f-1"));
        Assert.Empty(stored!.Outbox);
        Assert.Single(stored.Placements);
    }

    [Fact]
    public async Task A_placement_stored_but_never_told_is_counted_and_fed_when_the_sweep_wakes_the_pupil()
    {
        var (grains, pupil) = await RegisteredAndCollectedAsync("f-2");
        var before = await grains.Feed.ReadAsync(0, 1000);

        await WriteAsKilledAfterTheWriteAsync(pupil, "pl-f2");
        Assert.True(await IsMarkedAsync(pupil.GetGrainId()));

        Assert.True(await Sweep.SweepAsync(DateTimeOffset.UtcNow, CancellationToken.None) >= 1);

        Assert.Equal(1, (await grains.La.GetReportAsync()).PartTime);
        var fed = Assert.Single((await grains.Feed.ReadAsync(0, 1000)).Skip(before.Count));
        Assert.Equal((ChangeKind.Placement, "pl-f2"), (fed.Kind, fed.SubjectId));
        Assert.False(await IsMarkedAsync(pupil.GetGrainId()));
        var stored = await StoredGrainState.ReadAsync<PupilState>(fixture.Cluster, fixture.Storage.SqlitePath!, GrainKeys.For(grains.Tenant, "f-2"));
        Assert.Empty(stored!.Outbox);
    }

    [Fact]
    public async Task A_placement_stored_but_never_told_is_counted_once_however_often_its_messages_are_delivered()
    {
        var (grains, pupil) = await RegisteredAndCollectedAsync("f-3");
        await WriteAsKilledAfterTheWriteAsync(pupil, "pl-f3");

        // The read activates the pupil, whose activation timer starts delivering what it owes; resuming
        // it here as well awaits that delivery instead of polling for it, and delivers a second time
        // if the timer has already run, which the LA must not count twice.
        Assert.Single((await grains.Pupil("f-3").GetAsync())!.Placements);
        await pupil.ResumeOutboxAsync();

        Assert.Equal(1, (await grains.La.GetReportAsync()).PartTime);

        // Killed again before the made calls were cleared: they are made a second time, and the LA still counts one placement.
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await StoredGrainState.RewriteAsync<PupilState>(fixture.Cluster, "pupil", pupil.GetGrainId(), s =>
        {
            Assert.Empty(s.Outbox);
            s.Outbox.Add(new OutboxMessage(OutboxMessageKind.LaPlacementStarted, "pl-f3"));
        });
        Assert.True(await Sweep.SweepAsync(DateTimeOffset.UtcNow, CancellationToken.None) >= 1);
        Assert.False(await IsMarkedAsync(pupil.GetGrainId()));
        Assert.Equal(1, (await grains.La.GetReportAsync()).PartTime);
    }

    [Fact]
    public async Task A_message_the_LA_fails_stays_in_the_outbox_with_those_after_it_and_is_delivered_when_the_pupil_is_woken()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 0, perSession: 2));
        var grains = new TenantGrains(Grains, tenant);
        var pupil = grains.Pupil("f-4");
        Assert.True((await pupil.RegisterAsync(Pupil())).Succeeded);

        // Written behind the active LA's back, so its next write is refused on its version and the LA's call throws.
        await StoredGrainState.RewriteAsync<LocalAuthorityState>(fixture.Cluster, "localAuthority", grains.La.GetGrainId(), _ => { });
        var started = await pupil.StartPlacementAsync(PartTime("pl-f4", urn));

        Assert.True(started.Succeeded, started.Error?.Message);
        var owed = await StoredGrainState.ReadAsync<PupilState>(fixture.Cluster, fixture.Storage.SqlitePath!, GrainKeys.For(tenant, "f-4"));
        Assert.Equal([OutboxMessageKind.LaPlacementStarted, OutboxMessageKind.PlacementChanged], owed!.Outbox.Select(f => f.Kind));
        // The setting's own capacity entry is there; the placement's, owed after the LA's count, is not.
        Assert.DoesNotContain(await grains.Feed.ReadAsync(0, 1000), e => e.Kind == ChangeKind.Placement);
        Assert.Equal(0, (await grains.La.GetReportAsync()).PartTime);

        await pupil.ResumeOutboxAsync();

        Assert.Equal(1, (await grains.La.GetReportAsync()).PartTime);
        var fed = Assert.Single(await grains.Feed.ReadAsync(0, 1000), e => e.Kind == ChangeKind.Placement);
        Assert.Equal("pl-f4", fed.SubjectId);
        Assert.False(await IsMarkedAsync(pupil.GetGrainId()));
    }

    [Fact]
    public async Task An_index_row_left_on_a_pupil_with_an_empty_outbox_is_cleared_when_the_sweep_wakes_it()
    {
        var (_, pupil) = await RegisteredAndCollectedAsync("f-5");
        await MarkAsync(pupil.GetGrainId());

        await Sweep.SweepAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.False(await IsMarkedAsync(pupil.GetGrainId()));
    }

    [Fact]
    public async Task A_waiting_entry_stored_but_never_told_reaches_the_LA_figures_and_the_feed_after_the_sweep()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var urn = await world.SpecialSchoolAsync(places: 1, placesTaken: 1);
        var pupil = await world.PupilAsync();
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Null((await world.RunAsync(world.La.GetReportAsync)).SpecialSchoolWaitMedianDays);
        var feed = Grains.GetGrain<IChangeFeedGrain>(world.Tenant);
        var before = await world.RunAsync(() => feed.ReadAsync(0, 1000));

        // The school's write of a new entry, as a kill -9 right after it leaves it.
        var school = world.School(urn);
        var entryId = WaitingListIds.For(urn, 1);
        await StoredGrainState.RewriteAsync<SpecialSchoolState>(fixture.Cluster, "specialSchool", school.GetGrainId(), s =>
        {
            s.Entries[1] = new WaitingEntry(1, pupil, WaitingListWorld.Today.AddDays(-30), WaitingStatus.Waiting, null, null, null);
            s.LastEntryNumber = 1;
            s.Outbox.Add(new OutboxMessage(OutboxMessageKind.LaWaitingEntry, entryId));
            s.Outbox.Add(new OutboxMessage(OutboxMessageKind.WaitingListChanged, entryId));
        });
        Assert.True(await IsMarkedAsync(school.GetGrainId()));

        await Sweep.SweepAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(30, (await world.RunAsync(world.La.GetReportAsync)).SpecialSchoolWaitMedianDays);
        var fed = Assert.Single((await world.RunAsync(() => feed.ReadAsync(0, 1000))).Skip(before.Count));
        Assert.Equal((ChangeKind.WaitingList, entryId), (fed.Kind, fed.SubjectId));
        Assert.False(await IsMarkedAsync(school.GetGrainId()));
    }

    private OutboxSweep Sweep => fixture.Cluster.Silos[0].SiloHost.Services.GetRequiredService<OutboxSweep>();

    private static PupilRecord Pupil()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var last12 = "901400123" + "777";
        return new PupilRecord(Upn.CheckLetterFor(last12) + last12, "FU", SchoolYear.AcademicYearStart(today).AddYears(-13).AddDays(40), "100001",
            SenProvision.SenSupport, NeedType.Semh, LookedAfter: false);
    }

    private static PlacementRequest PartTime(string id, string urn)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new PlacementRequest(id, urn, today, today.AddDays(56), FullTime: false, [Session.MonAm]);
    }

    private async Task<(TenantGrains Grains, IPupilGrain Pupil)> RegisteredAndCollectedAsync(string pupilId)
    {
        var (tenant, _) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 0, perSession: 2));
        var grains = new TenantGrains(Grains, tenant);
        var pupil = grains.Pupil(pupilId);
        Assert.True((await pupil.RegisterAsync(Pupil())).Succeeded);
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(0, (await grains.La.GetReportAsync()).PartTime);
        return (grains, pupil);
    }

    /// <summary>
    /// What a kill -9 right after the pupil's write leaves: the placement and what it owes, stored
    /// through the silo's own storage (so in the outbox index), and nothing told.
    /// </summary>
    private Task WriteAsKilledAfterTheWriteAsync(IPupilGrain pupil, string placementId)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return StoredGrainState.RewriteAsync<PupilState>(fixture.Cluster, "pupil", pupil.GetGrainId(), s =>
        {
            s.Placements.Add(new PlacementRecord(
                placementId, "999999", today, today.AddDays(56), FullTime: false, [Session.MonAm], Registration.Subsidiary,
                EndDate: null, ReferralId: null, ["Reintegration"], 6, Reviews: [], Outcome: null, CheckInDue: null));
            s.Outbox.Add(new OutboxMessage(OutboxMessageKind.LaPlacementStarted, placementId));
            s.Outbox.Add(new OutboxMessage(OutboxMessageKind.PlacementChanged, placementId));
        });
    }

    /// <summary>An index row with an empty outbox, as a clear of the state or an older node's write would leave it.</summary>
    private async Task MarkAsync(GrainId grain)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.Storage.SqlitePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO ApGridOutboxIndex (ServiceId, GrainId, MarkedAt) VALUES ($service, $grain, 0)";
        command.Parameters.AddWithValue("$service", fixture.Cluster.Options.ServiceId);
        command.Parameters.AddWithValue("$grain", grain.ToString());
        await command.ExecuteNonQueryAsync();
    }

    private async Task<bool> IsMarkedAsync(GrainId grain)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.Storage.SqlitePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM ApGridOutboxIndex WHERE GrainId = $grain";
        command.Parameters.AddWithValue("$grain", grain.ToString());
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }
}
