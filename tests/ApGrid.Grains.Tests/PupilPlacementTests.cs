using ApGrid.Domain;
using ApGrid.Grains.Abstractions;

namespace ApGrid.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class PupilPlacementTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    private static PupilRecord Pupil(string serial, int yearGroup = 8, SenProvision sen = SenProvision.SenSupport)
    {
        var last12 = "901" + "4001" + "23" + serial;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var dateOfBirth = SchoolYear.AcademicYearStart(today).AddYears(-(yearGroup + 5)).AddDays(40);
        return new PupilRecord(Upn.CheckLetterFor(last12) + last12, "AB", dateOfBirth, "100001", sen, NeedType.Semh, LookedAfter: false);
    }

    private static PlacementRequest PartTime(string id, string urn, params Session[] sessions)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new PlacementRequest(id, urn, today, today.AddDays(56), FullTime: false, sessions);
    }

    [Fact]
    public async Task A_Reception_pupil_is_placed_where_a_setting_serves_EYFS_and_nowhere_else()
    {
        var (tenant, early) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(true, KeyStage.Eyfs, KeyStage.Ks1), TestWorld.Availability(fullTime: 0, perSession: 2));
        var grains = new TenantGrains(Grains, tenant);
        var lateUrn = TestWorld.NewUrn();
        Assert.True(await grains.Setting(lateUrn).CreateAsync(TestWorld.Profile(true, KeyStage.Ks1, KeyStage.Ks2), TestWorld.Availability(fullTime: 0, perSession: 2)));
        var pupil = grains.Pupil("p-reception");
        Assert.True((await pupil.RegisterAsync(Pupil("051", yearGroup: 0))).Succeeded);

        var refused = await pupil.StartPlacementAsync(PartTime("pl-ks1", lateUrn, Session.MonAm));
        var placed = await pupil.StartPlacementAsync(PartTime("pl-eyfs", early, Session.MonAm));

        Assert.Equal("apUrn", refused.Error?.Field);
        Assert.Contains("does not serve EYFS pupils", refused.Error!.Message, StringComparison.Ordinal);
        Assert.True(placed.Succeeded, placed.Error?.Message);
        Assert.Equal(0, placed.Value!.Record.YearGroupOn(placed.Value.CurrentPlacement!.StartDate));
    }

    [Fact]
    public async Task Starting_a_placement_holds_the_sessions_and_records_dual_registration()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 0, perSession: 2));
        var grains = new TenantGrains(Grains, tenant);
        var pupil = grains.Pupil("p-1");

        Assert.True((await pupil.RegisterAsync(Pupil("001"))).Succeeded);
        var started = await pupil.StartPlacementAsync(PartTime("pl-1", urn, Session.MonAm, Session.TuePm));

        Assert.True(started.Succeeded, started.Error?.Message);
        Assert.Equal(Registration.Subsidiary, started.Value!.CurrentPlacement!.ApRegistration);
        var capacity = await grains.Setting(urn).GetCapacityAsync();
        Assert.Equal(1, capacity!.Sessions.Single(s => s.Session == Session.MonAm).Free);
        Assert.Equal(1, capacity.Sessions.Single(s => s.Session == Session.TuePm).Free);
    }

    [Fact]
    public async Task A_pupil_has_at_most_one_active_placement_and_a_retry_is_not_a_second()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 0, perSession: 5));
        var grains = new TenantGrains(Grains, tenant);
        var pupil = grains.Pupil("p-2");

        await pupil.RegisterAsync(Pupil("002"));
        Assert.True((await pupil.StartPlacementAsync(PartTime("pl-a", urn, Session.WedAm))).Succeeded);
        Assert.True((await pupil.StartPlacementAsync(PartTime("pl-a", urn, Session.WedAm))).Succeeded);
        var second = await pupil.StartPlacementAsync(PartTime("pl-b", urn, Session.ThuAm));

        Assert.Equal(ErrorCode.Conflict, second.Error!.Code);
        Assert.Single((await pupil.GetAsync())!.Placements);
        var capacity = await grains.Setting(urn).GetCapacityAsync();
        Assert.Equal(4, capacity!.Sessions.Single(s => s.Session == Session.WedAm).Free);
        Assert.Equal(5, capacity.Sessions.Single(s => s.Session == Session.ThuAm).Free);
    }

    [Fact]
    public async Task A_refused_reservation_leaves_the_pupil_without_a_placement()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 0, perSession: 0));
        var grains = new TenantGrains(Grains, tenant);
        var pupil = grains.Pupil("p-3");

        await pupil.RegisterAsync(Pupil("003"));
        var refused = await pupil.StartPlacementAsync(PartTime("pl-x", urn, Session.FriPm));

        Assert.Equal((ErrorCode.CapacityExhausted, "sessions"), (refused.Error!.Code, refused.Error.Field));
        Assert.Empty((await pupil.GetAsync())!.Placements);
    }

    [Fact]
    public async Task An_end_to_an_unknown_destination_raises_one_missing_education_entry_on_the_feed()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 0, perSession: 2));
        var grains = new TenantGrains(Grains, tenant);
        var pupil = grains.Pupil("p-cme");
        Assert.True((await pupil.RegisterAsync(Pupil("061"))).Succeeded);
        Assert.True((await pupil.StartPlacementAsync(PartTime("pl-cme", urn, Session.MonAm))).Succeeded);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var ended = await pupil.EndPlacementAsync("pl-cme", today, PlacementOutcome.LeftEducation, new PlacementDestination(DestinationKind.MissingEducation, null, "Moved away, address unknown"));

        Assert.True(ended.Succeeded, ended.Error?.Message);
        var entry = Assert.Single(await grains.Feed.ReadAsync(0, 1000), e => e.Kind == ChangeKind.MissingEducation);
        Assert.Equal("pl-cme", entry.SubjectId);
    }

    private static PupilRecord WithWrongCheckLetter(PupilRecord record) =>
        record with { Upn = (record.Upn[0] == 'A' ? 'B' : 'A') + record.Upn[1..] };

    [Fact]
    public async Task Registration_refuses_a_bad_upn_naming_the_field()
    {
        var tenant = TestWorld.NewTenant();
        var grains = new TenantGrains(Grains, tenant);
        var pupil = grains.Pupil("p-4");

        var result = await pupil.RegisterAsync(WithWrongCheckLetter(Pupil("004")));

        Assert.Equal((ErrorCode.Validation, "upn"), (result.Error!.Code, result.Error.Field));
        Assert.Null(await pupil.GetAsync());
    }
}
