using ApGrid.Domain;
using ApGrid.Grains.Abstractions;
using Orleans.Runtime;

namespace ApGrid.Grains.Tests;

/// <summary>
/// A setting's change is written, then announced (the LA's capacity index, the tenant's feed). A
/// process killed between the two must not leave the feed without the change: the stored mark
/// makes the next activation announce it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AnnouncementRecoveryTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task A_setting_deactivated_normally_keeps_no_pending_announcement()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 4));
        var key = GrainKeys.For(tenant, urn);
        Assert.True((await StoredGrainState.ReadAsync<ApSettingState>(fixture.Cluster, fixture.Storage.SqlitePath!, key))!.AnnouncementPending);

        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var stored = await StoredGrainState.ReadAsync<ApSettingState>(fixture.Cluster, fixture.Storage.SqlitePath!, key);
        Assert.False(stored!.AnnouncementPending);
        Assert.Equal(4, stored.FullTimePlaces);
    }

    [Fact]
    public async Task A_change_written_but_never_announced_is_announced_when_the_setting_next_activates()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 4));
        var setting = Grains.GetGrain<IApSettingGrain>(GrainKeys.For(tenant, urn));
        var feed = Grains.GetGrain<IChangeFeedGrain>(tenant);
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var before = await TenantContext.RunAsync(tenant, () => feed.ReadAsync(0, 1000));

        // What a kill -9 right after the setting's write leaves in storage: the new places, still marked pending.
        await StoredGrainState.RewriteAsync<ApSettingState>(fixture.Cluster, "apSetting", setting.GetGrainId(), s =>
        {
            s.FullTimePlaces = 9;
            s.Version++;
            s.AnnouncementPending = true;
        });

        var capacity = await TenantContext.RunAsync(tenant, setting.GetCapacityAsync);
        Assert.Equal(9, capacity!.FullTimePlaces);
        IReadOnlyList<ChangeEntry> after = [];
        for (var attempt = 0; attempt < 100 && after.Count <= before.Count; attempt++)
        {
            await Task.Delay(100);
            after = await TenantContext.RunAsync(tenant, () => feed.ReadAsync(0, 1000));
        }

        var announced = Assert.Single(after.Skip(before.Count));
        Assert.Equal((ChangeKind.Capacity, urn), (announced.Kind, announced.SubjectId));
        var indexed = Assert.Single(await TenantContext.RunAsync(tenant, Grains.GetGrain<ILocalAuthorityGrain>(tenant).GetCapacityIndexAsync));
        Assert.Equal(9, indexed.FullTimePlaces);
    }
}
