using ApGrid.Domain;
using ApGrid.Grains.Abstractions;
using Orleans.Runtime;

namespace ApGrid.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class PersistenceTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    [Fact]
    public async Task Availability_and_reservations_survive_deactivation()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 2, perSession: 1));
        var setting = Grains.GetGrain<IApSettingGrain>(GrainKeys.For(tenant, urn));
        await TenantContext.RunAsync(tenant, async () =>
        {
            var set = await setting.SetAvailabilityAsync(new ApAvailability(6, [new SessionPlaces(Session.FriAm, 3)], 12.5));
            Assert.True(set.Succeeded, set.Error?.Message);
            Assert.True((await setting.ReservePlaceAsync(TestWorld.PartTime("a", Session.FriAm))).Succeeded);
        });

        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var reloaded = await TenantContext.RunAsync(tenant, setting.GetCapacityAsync);
        Assert.NotNull(reloaded);
        Assert.Equal(6, reloaded.FullTimePlaces);
        Assert.Equal(12.5, reloaded.OutreachHoursPerWeek);
        var friday = reloaded.Sessions.Single(s => s.Session == Session.FriAm);
        Assert.Equal((3, 2), (friday.Places, friday.Free));
        Assert.Equal(0, reloaded.Sessions.Single(s => s.Session == Session.MonAm).Places);
    }

    [Fact]
    public async Task Creating_twice_keeps_what_was_changed()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 2));
        var setting = Grains.GetGrain<IApSettingGrain>(GrainKeys.For(tenant, urn));
        await TenantContext.RunAsync(tenant, async () =>
        {
            await setting.SetAvailabilityAsync(TestWorld.Availability(fullTime: 9));
            Assert.False(await setting.CreateAsync(TestWorld.Profile(), TestWorld.Availability(fullTime: 2)));
            Assert.Equal(9, (await setting.GetCapacityAsync())!.FullTimePlaces);
        });
    }
}
