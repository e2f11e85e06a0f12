using ApGrid.Grains.Abstractions;
using Orleans.Runtime;

namespace ApGrid.Grains.Tests;

/// <summary>The audit trail grain on real SQLite storage: sequences, sealed pages, filtered paging, and nothing lost on reactivation.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AuditTrailGrainTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    [Fact]
    public async Task Appends_across_several_pages_read_back_in_order_after_reactivation()
    {
        var tenant = TestWorld.NewTenant();
        var trail = Grains.GetGrain<IAuditTrailGrain>(tenant);
        var total = AuditTrailGrain.PageSize * 2 + 10;
        await TenantContext.RunAsync(tenant, async () =>
        {
            // One batch larger than a page, then single appends: both ways cross page boundaries.
            Assert.Equal(AuditTrailGrain.PageSize + 5, await trail.AppendAsync([.. Enumerable.Range(0, AuditTrailGrain.PageSize + 5).Select(i => Record($"p-{i % 3:D10}"))]));
            for (var i = AuditTrailGrain.PageSize + 5; i < total; i++) await trail.AppendAsync([Record($"p-{i % 3:D10}")]);
        });

        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var all = await TenantContext.RunAsync(tenant, () => trail.ReadAsync(0, 500, null));
        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), all.Entries.Select(e => e.Sequence));
        Assert.False(all.HasMore);
        var paged = new List<long>();
        for (var after = 0L; ;)
        {
            var page = await TenantContext.RunAsync(tenant, () => trail.ReadAsync(after, 50, "p-0000000001"));
            paged.AddRange(page.Entries.Select(e => e.Sequence));
            after = page.NextAfter;
            if (!page.HasMore) break;
        }

        Assert.Equal(all.Entries.Where(e => e.Record.PupilId == "p-0000000001").Select(e => e.Sequence), paged);
    }

    [Fact]
    public async Task Another_tenant_cannot_reach_the_trail()
    {
        var tenant = TestWorld.NewTenant();
        var other = TestWorld.NewTenant();

        await Assert.ThrowsAsync<TenantMismatchException>(() =>
            TenantContext.RunAsync(other, () => Grains.GetGrain<IAuditTrailGrain>(tenant).ReadAsync(0, 10, null)));
    }

    private static AuditRecord Record(string pupilId) =>
        new("tester", "LA_OFFICER", pupilId, AuditAction.Read, ["Pupil.initials"], AuditChannel.GraphQLHttp);
}
