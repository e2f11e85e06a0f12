using ApGrid.Domain;
using ApGrid.Grains.Abstractions;
using ApGrid.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace ApGrid.Grains.Tests;

[Trait("Category", "Postgres")]
public sealed class PostgresPersistenceTests(PostgresClusterFixture fixture) : IClassFixture<PostgresClusterFixture>
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    [Fact]
    public async Task Concurrent_reservations_and_availability_are_stored_in_postgres_and_survive_deactivation()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 10, perSession: 2));
        var grains = new TenantGrains(Grains, tenant);
        var setting = grains.Setting(urn);

        var results = await Task.WhenAll(
            Enumerable.Range(0, 50).Select(i => setting.ReservePlaceAsync(TestWorld.FullTime($"r{i}"))));
        await setting.ReservePlaceAsync(TestWorld.PartTime("p", Session.ThuPm));
        Assert.Equal(10, results.Count(r => r.Succeeded));

        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var reloaded = await setting.GetCapacityAsync();
        Assert.Equal(0, reloaded!.FullTimePlacesFree);
        Assert.Equal(1, reloaded.Sessions.Single(s => s.Session == Session.ThuPm).Free);
        var index = await grains.La.GetCapacityIndexAsync();
        SnapshotAssert.SameContent(reloaded, Assert.Single(index));
    }

    [Fact]
    public async Task A_registered_pupil_and_placement_are_read_back_from_postgres()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 1));
        var grains = new TenantGrains(Grains, tenant);
        var pupil = grains.Pupil("p-pg");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var last12 = "901400123777";
        var record = new PupilRecord(Upn.CheckLetterFor(last12) + last12, "CD",
            SchoolYear.AcademicYearStart(today).AddYears(-14).AddDays(10), "100001", SenProvision.None, null, LookedAfter: false);

        Assert.True((await pupil.RegisterAsync(record)).Succeeded);
        var placed = await pupil.StartPlacementAsync(new PlacementRequest("pl", urn, today, today.AddDays(30), true, []));
        Assert.True(placed.Succeeded, placed.Error?.Message);

        // The placement was written owing the LA's count, so storage marked it; collection clears the mark.
        Assert.True(await IsMarkedAsync(pupil.GetGrainId()));
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.False(await IsMarkedAsync(pupil.GetGrainId()));

        var stored = await pupil.GetAsync();
        Assert.Equal(record, stored!.Record);
        Assert.Equal(Registration.Single, stored.CurrentPlacement!.ApRegistration);
        Assert.Equal(1, (await grains.La.GetReportAsync()).FullTime);
    }

    [Fact]
    public async Task A_placement_stored_but_never_told_is_counted_when_the_sweep_reads_the_outbox_index_from_postgres()
    {
        var (tenant, _) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 1));
        var grains = new TenantGrains(Grains, tenant);
        var pupil = grains.Pupil("p-pg-f");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var last12 = "901400123778";
        var record = new PupilRecord(Upn.CheckLetterFor(last12) + last12, "EF",
            SchoolYear.AcademicYearStart(today).AddYears(-14).AddDays(10), "100001", SenProvision.None, null, LookedAfter: false);
        Assert.True((await pupil.RegisterAsync(record)).Succeeded);
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        // What a kill -9 right after the pupil's write leaves: the placement, what it owes, and the mark.
        await StoredGrainState.RewriteAsync<PupilState>(fixture.Cluster, "pupil", pupil.GetGrainId(), s =>
        {
            s.Placements.Add(new PlacementRecord("pl-pg-f", "999999", today, today.AddDays(30), true, [], Registration.Single,
                null, null, ["Reintegration"], 6, [], null, null));
            s.Outbox.Add(new OutboxMessage(OutboxMessageKind.LaPlacementStarted, "pl-pg-f"));
        });
        Assert.True(await IsMarkedAsync(pupil.GetGrainId()));

        var sweep = fixture.Cluster.Silos[0].SiloHost.Services.GetRequiredService<OutboxSweep>();
        Assert.True(await sweep.SweepAsync(DateTimeOffset.UtcNow, CancellationToken.None) >= 1);

        Assert.Equal(1, (await grains.La.GetReportAsync()).FullTime);
        Assert.False(await IsMarkedAsync(pupil.GetGrainId()));
    }

    private async Task<bool> IsMarkedAsync(GrainId grain)
    {
        await using var connection = new Npgsql.NpgsqlConnection(fixture.Storage.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT COUNT(*) FROM ApGridOutboxIndex WHERE GrainId = @grain", connection);
        command.Parameters.AddWithValue("grain", grain.ToString());
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    [Fact]
    public async Task Reminders_and_waiting_lists_work_on_postgres()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var urn = await world.SpecialSchoolAsync(places: 2, placesTaken: 1);
        var pupil = await world.PupilAsync(SenProvision.SenSupport);
        // Requested 160 days ago and decided in time: the 16-week notice and the 20-week final plan are both overdue.
        var requestedOn = WaitingListWorld.Today.AddDays(-160);
        await world.RunAsync(() => world.Pupil(pupil).RequestEhcAssessmentAsync(requestedOn));
        await world.RunAsync(() => world.Pupil(pupil).RecordEhcpMilestoneAsync(EhcpMilestone.DecisionToAssess, requestedOn.AddDays(30)));
        await world.RunAsync(() => world.Pupil(pupil).RecordEhcpSpecialSchoolIntentionAsync(requestedOn.AddDays(40)));
        var entry = await world.AddAsync(pupil, urn, WaitingListWorld.Today);

        // The reminder row is written through our PostgreSQL reminder queries and read back by Orleans.
        await using var connection = new Npgsql.NpgsqlConnection(fixture.Storage.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT ReminderName FROM OrleansRemindersTable WHERE GrainId = @grain", connection);
        command.Parameters.AddWithValue("grain", "localauthority/" + world.Tenant);
        Assert.Equal("ehcp-deadlines", await command.ExecuteScalarAsync());

        Assert.Equal(
            [$"{pupil}#FINAL#{requestedOn.AddDays(140):yyyy-MM-dd}", $"{pupil}#NOT_ISSUE_NOTICE#{requestedOn.AddDays(112):yyyy-MM-dd}"],
            (await world.RunAsync(() => world.La.CheckEhcpDeadlinesAsync())).Order(StringComparer.Ordinal));
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var reloaded = await world.RunAsync(() => world.School(urn).GetEntryAsync(entry.Id));
        Assert.Equal((WaitingStatus.Waiting, 1), (reloaded!.Status, reloaded.Position));
        Assert.Empty(await world.RunAsync(() => world.La.CheckEhcpDeadlinesAsync()));
    }
}
