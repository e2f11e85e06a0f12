using ApGrid.Domain;
using ApGrid.Grains.Abstractions;
using Orleans.Runtime;

namespace ApGrid.Grains.Tests;

/// <summary>
/// A start reserves the place at the setting, then the pupil writes the placement. A process killed
/// between the two must not leave the place taken for ever: the pupil confirms each hold after its
/// write, and the setting asks the pupil about a hold left unconfirmed past the timeout.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PlaceHoldTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task A_started_placement_confirms_the_place_its_setting_holds()
    {
        var (tenant, urn, pupil) = await SettingAndPupilAsync("h-1");
        Assert.True((await TenantContext.RunAsync(tenant, () => pupil.StartPlacementAsync(PartTime("pl-h1", urn)))).Succeeded);

        var stored = await StoredGrainState.ReadAsync<ApSettingState>(fixture.Cluster, fixture.Storage.SqlitePath!, GrainKeys.For(tenant, urn));
        Assert.Null(stored!.HeldPlaces["pl-h1"].UnconfirmedSince);
    }

    [Fact]
    public async Task A_place_held_for_a_placement_its_pupil_never_wrote_is_given_back_after_the_timeout()
    {
        var (tenant, urn, pupil) = await SettingAndPupilAsync("h-2");
        var setting = Grains.GetGrain<IApSettingGrain>(GrainKeys.For(tenant, urn));
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        // What a kill -9 between the reservation and the pupil's write leaves: the hold, ten minutes old.
        await StoredGrainState.RewriteAsync<ApSettingState>(fixture.Cluster, "apSetting", setting.GetGrainId(), s =>
            s.HeldPlaces["pl-orphan"] = new HeldPlace("h-2", false, [Session.MonAm], true, DateTimeOffset.UtcNow.AddMinutes(-10)));
        Assert.Equal(0, MondayMorningFree(await TenantContext.RunAsync(tenant, setting.GetCapacityAsync)));

        var free = await EventuallyAsync(tenant, setting, c => MondayMorningFree(c) == 1);

        Assert.Equal(1, free);
        Assert.Empty(await TenantContext.RunAsync(tenant, () => setting.GetPlacementsAsync(active: true)));
        var indexed = Assert.Single(await TenantContext.RunAsync(tenant, Grains.GetGrain<ILocalAuthorityGrain>(tenant).GetCapacityIndexAsync));
        Assert.Equal(1, MondayMorningFree(indexed));
        Assert.Empty((await TenantContext.RunAsync(tenant, pupil.GetAsync))!.Placements);
    }

    [Fact]
    public async Task A_place_held_for_a_placement_its_pupil_wrote_but_never_confirmed_is_kept()
    {
        var (tenant, urn, pupil) = await SettingAndPupilAsync("h-3");
        var setting = Grains.GetGrain<IApSettingGrain>(GrainKeys.For(tenant, urn));
        Assert.True((await TenantContext.RunAsync(tenant, () => pupil.StartPlacementAsync(PartTime("pl-h3", urn)))).Succeeded);
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        // The confirmation lost: the hold reads back unconfirmed and old, the pupil records the placement.
        await StoredGrainState.RewriteAsync<ApSettingState>(fixture.Cluster, "apSetting", setting.GetGrainId(), s =>
            s.HeldPlaces["pl-h3"] = s.HeldPlaces["pl-h3"] with { UnconfirmedSince = DateTimeOffset.UtcNow.AddMinutes(-10) });
        await TenantContext.RunAsync(tenant, setting.GetCapacityAsync);

        ApSettingState? stored = null;
        for (var attempt = 0; attempt < 100 && (stored is null || stored.HeldPlaces["pl-h3"].UnconfirmedSince is not null); attempt++)
        {
            await Task.Delay(100);
            stored = await StoredGrainState.ReadAsync<ApSettingState>(fixture.Cluster, fixture.Storage.SqlitePath!, GrainKeys.For(tenant, urn));
        }

        Assert.Null(stored!.HeldPlaces["pl-h3"].UnconfirmedSince);
        Assert.Equal(0, MondayMorningFree(await TenantContext.RunAsync(tenant, setting.GetCapacityAsync)));
    }

    private async Task<(string Tenant, string Urn, IPupilGrain Pupil)> SettingAndPupilAsync(string pupilId)
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 0, perSession: 1));
        var pupil = Grains.GetGrain<IPupilGrain>(GrainKeys.For(tenant, pupilId));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var last12 = "901400123779";
        var record = new PupilRecord(Upn.CheckLetterFor(last12) + last12, "GH", SchoolYear.AcademicYearStart(today).AddYears(-13).AddDays(40), 8, "100001",
            SenProvision.SenSupport, NeedType.Semh, LookedAfter: false);
        Assert.True((await TenantContext.RunAsync(tenant, () => pupil.RegisterAsync(record))).Succeeded);
        return (tenant, urn, pupil);
    }

    private static PlacementRequest PartTime(string id, string urn)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new PlacementRequest(id, urn, today, today.AddDays(56), FullTime: false, [Session.MonAm]);
    }

    private static int MondayMorningFree(ApCapacitySnapshot? capacity) => capacity!.Sessions.Single(s => s.Session == Session.MonAm).Free;

    private static async Task<int> EventuallyAsync(string tenant, IApSettingGrain setting, Func<ApCapacitySnapshot?, bool> done)
    {
        var capacity = await TenantContext.RunAsync(tenant, setting.GetCapacityAsync);
        for (var attempt = 0; attempt < 100 && !done(capacity); attempt++)
        {
            await Task.Delay(100);
            capacity = await TenantContext.RunAsync(tenant, setting.GetCapacityAsync);
        }

        return MondayMorningFree(capacity);
    }
}
