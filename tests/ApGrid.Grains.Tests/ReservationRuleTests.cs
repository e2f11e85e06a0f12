using ApGrid.Domain;
using ApGrid.Grains.Abstractions;

namespace ApGrid.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ReservationRuleTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    [Fact]
    public async Task A_setting_refuses_a_key_stage_it_does_not_serve()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(true, KeyStage.Ks3, KeyStage.Ks4), TestWorld.Availability(fullTime: 3));
        var grains = new TenantGrains(Grains, tenant);
        var setting = grains.Setting(urn);

        var result = await setting.ReservePlaceAsync(TestWorld.FullTime("k", KeyStage.Ks1));

        Assert.Equal((ErrorCode.Validation, "apUrn"), (result.Error!.Code, result.Error.Field));
        Assert.Equal(3, (await setting.GetCapacityAsync())!.FullTimePlacesFree);
    }

    [Fact]
    public async Task An_unregistered_provider_takes_four_full_time_pupils_of_compulsory_age_not_five()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(registered: false), TestWorld.Availability(fullTime: 10));
        await TestWorld.ApproveAsync(Grains, tenant, urn);
        var grains = new TenantGrains(Grains, tenant);
        var setting = grains.Setting(urn);

        var results = new List<CommandResult<ApCapacitySnapshot>>();
        for (var i = 0; i < 5; i++) results.Add(await setting.ReservePlaceAsync(TestWorld.FullTime($"u{i}")));

        Assert.All(results.Take(4), r => Assert.True(r.Succeeded));
        Assert.Equal((ErrorCode.Validation, "fullTime"), (results[4].Error!.Code, results[4].Error!.Field));
        Assert.Equal(6, (await setting.GetCapacityAsync())!.FullTimePlacesFree);
    }

    [Fact]
    public async Task An_unregistered_provider_never_takes_a_full_time_pupil_with_an_ehc_plan()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(registered: false), TestWorld.Availability(fullTime: 10));
        await TestWorld.ApproveAsync(Grains, tenant, urn);
        var grains = new TenantGrains(Grains, tenant);
        var setting = grains.Setting(urn);

        var result = await setting.ReservePlaceAsync(TestWorld.FullTime("e") with { HasEhcPlan = true });

        Assert.Equal((ErrorCode.Validation, "apUrn"), (result.Error!.Code, result.Error.Field));
    }

    [Fact]
    public async Task Availability_cannot_drop_below_the_places_in_use()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 3));
        var grains = new TenantGrains(Grains, tenant);
        var setting = grains.Setting(urn);
        await setting.ReservePlaceAsync(TestWorld.FullTime("a"));
        await setting.ReservePlaceAsync(TestWorld.FullTime("b"));

        var result = await setting.SetAvailabilityAsync(TestWorld.Availability(fullTime: 1));

        Assert.Equal((ErrorCode.Conflict, "fullTimePlaces"), (result.Error!.Code, result.Error.Field));
        Assert.Equal(3, (await setting.GetCapacityAsync())!.FullTimePlaces);
    }

    [Fact]
    public async Task Releasing_frees_the_place_and_releasing_again_is_harmless()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 1));
        var grains = new TenantGrains(Grains, tenant);
        var setting = grains.Setting(urn);
        Assert.True((await setting.ReservePlaceAsync(TestWorld.FullTime("a"))).Succeeded);
        Assert.False((await setting.ReservePlaceAsync(TestWorld.FullTime("b"))).Succeeded);
        await setting.ReleasePlaceAsync("a");
        await setting.ReleasePlaceAsync("a");
        Assert.Equal(1, (await setting.GetCapacityAsync())!.FullTimePlacesFree);
        Assert.True((await setting.ReservePlaceAsync(TestWorld.FullTime("b"))).Succeeded);
    }
}
