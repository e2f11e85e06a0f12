using ApGrid.Grains.Abstractions;

namespace ApGrid.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class TenantCallFilterTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    [Fact]
    public async Task A_call_carrying_another_tenant_is_refused_and_changes_nothing()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 3));
        var intruder = TestWorld.NewTenant();
        var setting = Grains.GetGrain<IApSettingGrain>(GrainKeys.For(tenant, urn));

        await Assert.ThrowsAsync<TenantMismatchException>(() =>
            TenantContext.RunAsync(intruder, () => setting.ReservePlaceAsync(TestWorld.FullTime("x"))));
        await Assert.ThrowsAsync<TenantMismatchException>(() =>
            TenantContext.RunAsync(intruder, setting.GetCapacityAsync));

        var live = await TenantContext.RunAsync(tenant, setting.GetCapacityAsync);
        Assert.Equal(3, live!.FullTimePlacesFree);
    }

    [Fact]
    public async Task Tenant_901_cannot_reach_a_902_grain()
    {
        var la902 = Grains.GetGrain<ILocalAuthorityGrain>("902");
        await Assert.ThrowsAsync<TenantMismatchException>(() => TenantContext.RunAsync("901", la902.GetRegistryAsync));
        var pupil902 = Grains.GetGrain<IPupilGrain>(GrainKeys.For("902", "p-1"));
        await Assert.ThrowsAsync<TenantMismatchException>(() => TenantContext.RunAsync("901", pupil902.GetAsync));
    }

    [Fact]
    public async Task A_call_without_a_tenant_is_refused()
    {
        TenantContext.Clear();
        var la = Grains.GetGrain<ILocalAuthorityGrain>(TestWorld.NewTenant());
        await Assert.ThrowsAsync<TenantMismatchException>(la.GetRegistryAsync);
    }
}
