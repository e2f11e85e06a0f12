using ApGrid.Domain;
using ApGrid.Grains.Abstractions;

namespace ApGrid.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class OutreachBoardTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    private static OutreachRequestRecord Request(int suspensions, double hours) => new(
        "", "100001", new Location(52.95, -1.15), null, null, null, "Escalating incidents", suspensions, hours,
        DateOnly.FromDateTime(DateTime.UtcNow), null);

    [Fact]
    public async Task A_round_allocates_by_priority_within_the_settings_hours_and_caseload()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 1, outreach: 3));
        var board = Grains.GetGrain<IOutreachBoardGrain>(tenant);
        var setting = Grains.GetGrain<IApSettingGrain>(GrainKeys.For(tenant, urn));

        var results = await TenantContext.RunAsync(tenant, async () =>
        {
            var low = await board.RequestAsync(Request(suspensions: 0, hours: 1));
            var high = await board.RequestAsync(Request(suspensions: 4, hours: 2));
            var middle = await board.RequestAsync(Request(suspensions: 2, hours: 1.5));
            var allocated = await board.AllocateAsync();
            var again = await board.AllocateAsync();
            return (low.Value!, high.Value!, middle.Value!, allocated, again, await setting.GetCapacityAsync());
        });

        // 3 hours: the 4-suspension request takes 2; the next (1.5 h) does not fit, the 1-hour one does.
        Assert.Equal([results.Item2.Id, results.Item1.Id], results.allocated.Select(r => r.Id));
        Assert.All(results.allocated, r => Assert.Equal(urn, r.Allocation!.ApUrn));
        Assert.Empty(results.again);
        Assert.Equal((0.0, 2), (results.Item6!.OutreachHoursFree, results.Item6.OutreachCaseload));
    }

    [Fact]
    public async Task The_setting_refuses_hours_past_its_caps_whatever_the_caller_asks()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 1, outreach: 2));
        var setting = Grains.GetGrain<IApSettingGrain>(GrainKeys.For(tenant, urn));

        var outcomes = await TenantContext.RunAsync(tenant, async () =>
            await Task.WhenAll(Enumerable.Range(0, 6).Select(i => setting.AllocateOutreachAsync($"or-{i}", 0.5))));

        // 2 hours carry 2 pupils at 5 per 5 hours, though four half-hours would fit the hours.
        Assert.Equal(2, outcomes.Count(o => o.Error is null));
        Assert.All(outcomes.Where(o => o.Error is not null), o => Assert.Equal(ErrorCode.CapacityExhausted, o.Error!.Code));
        var reduce = await TenantContext.RunAsync(tenant, () => setting.SetAvailabilityAsync(TestWorld.Availability(fullTime: 1, outreach: 1.5)));
        Assert.Equal(("outreachHoursPerWeek", ErrorCode.Conflict), (reduce.Error!.Field, reduce.Error.Code));
    }
}
