using ApGrid.Domain;
using ApGrid.Grains.Abstractions;
using Orleans.Runtime;

namespace ApGrid.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CapacityIndexTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    [Fact]
    public async Task The_index_follows_every_change_and_agrees_with_the_setting()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 4, perSession: 2));
        var grains = new TenantGrains(Grains, tenant);
        var la = grains.La;
        var setting = grains.Setting(urn);

        await setting.ReservePlaceAsync(TestWorld.FullTime("f1"));
        await setting.ReservePlaceAsync(TestWorld.PartTime("p1", Session.MonAm, Session.MonPm));
        await setting.SetAvailabilityAsync(TestWorld.Availability(fullTime: 7, perSession: 3));

        var indexed = Assert.Single(await la.GetCapacityIndexAsync());
        var actual = await setting.GetCapacityAsync();
        SnapshotAssert.SameContent(actual, indexed);
        Assert.Equal(6, indexed.FullTimePlacesFree);
        Assert.Equal(2, indexed.Sessions.Single(s => s.Session == Session.MonPm).Free);
    }

    [Fact]
    public async Task A_reactivated_authority_rebuilds_its_index_from_the_settings()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 4));
        var grains = new TenantGrains(Grains, tenant);
        await grains.Setting(urn).ReservePlaceAsync(TestWorld.FullTime("f1"));

        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var index = await grains.La.GetCapacityIndexAsync();
        Assert.Equal(3, Assert.Single(index).FullTimePlacesFree);
    }

    [Fact]
    public async Task The_index_version_moves_with_every_change_and_never_repeats_after_a_reactivation()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 4));
        var grains = new TenantGrains(Grains, tenant);
        var la = grains.La;
        var setting = grains.Setting(urn);

        await la.GetCapacityIndexAsync();
        var built = await la.GetCapacityVersionAsync();
        var unchanged = await la.GetCapacityVersionAsync();
        await setting.SetAvailabilityAsync(TestWorld.Availability(fullTime: 5));
        var changed = await la.GetCapacityVersionAsync();
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await la.GetCapacityIndexAsync();
        var reactivated = await la.GetCapacityVersionAsync();

        Assert.Equal(built, unchanged);
        Assert.NotEqual(built, changed);
        Assert.NotEqual(built.Epoch, reactivated.Epoch);
    }
}
