using ApGrid.Grains.Abstractions;
using Orleans.Runtime;

namespace ApGrid.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class AccessRegistryGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    [Fact]
    public async Task Grants_keys_and_their_history_survive_deactivation_and_keys_are_stored_only_hashed()
    {
        var tenant = TestWorld.NewTenant();
        var registry = Grains.GetGrain<IAccessRegistryGrain>(tenant);
        var (grant, key) = await TenantContext.RunAsync(tenant, async () =>
        {
            var granted = await registry.GrantAsync("Sam@LA.example", null, "AP_STAFF", "100001", null, "admin@la.example");
            var created = await registry.CreateApiKeyAsync("Dashboard", null, "admin@la.example");
            return (granted.Value!, created.Value!);
        });

        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        await TenantContext.RunAsync(tenant, async () =>
        {
            Assert.Equal(grant, await registry.ResolveAsync("any-subject", "sam@la.example"));
            Assert.Equal(AccessChangeKind.Granted, Assert.Single(await registry.HistoryAsync(10)).Kind);
            var stored = Assert.Single(await registry.ApiKeysAsync());
            Assert.NotEqual(System.Text.Encoding.UTF8.GetBytes(key.Secret), stored.Hash);
            Assert.Equal(16, stored.Salt.Length);
            Assert.NotNull(await registry.VerifyApiKeyAsync(key.Key.Id, key.Secret));
            Assert.Null(await registry.VerifyApiKeyAsync(key.Key.Id, key.Secret + "x"));
        });
    }

    [Fact]
    public async Task A_subject_grant_wins_over_an_email_grant_and_a_revoked_grant_resolves_to_nothing()
    {
        var tenant = TestWorld.NewTenant();
        var registry = Grains.GetGrain<IAccessRegistryGrain>(tenant);
        await TenantContext.RunAsync(tenant, async () =>
        {
            await registry.GrantAsync("pat@la.example", null, "PARTNER", null, null, "admin");
            var bySubject = (await registry.GrantAsync(null, "sub-1", "LA_OFFICER", null, null, "admin")).Value!;
            Assert.Equal("LA_OFFICER", (await registry.ResolveAsync("sub-1", "pat@la.example"))!.Role);

            await registry.RevokeAsync(bySubject.Id, "admin");
            Assert.Equal("PARTNER", (await registry.ResolveAsync("sub-1", "pat@la.example"))!.Role);
            Assert.Null(await registry.ResolveAsync("sub-2", "someone@la.example"));
            Assert.Equal("id", (await registry.RevokeAsync("g-999", "admin")).Error?.Field);
        });
    }

    [Fact]
    public async Task Another_tenants_call_never_reaches_the_registry()
    {
        var tenant = TestWorld.NewTenant();

        await Assert.ThrowsAnyAsync<Exception>(() => TenantContext.RunAsync(TestWorld.NewTenant(),
            () => Grains.GetGrain<IAccessRegistryGrain>(tenant).ListAsync()));
    }
}
