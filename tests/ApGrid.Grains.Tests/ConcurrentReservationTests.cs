using ApGrid.Domain;
using ApGrid.Grains.Abstractions;

namespace ApGrid.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ConcurrentReservationTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    [Fact]
    public async Task Fifty_concurrent_full_time_reservations_against_ten_places_take_exactly_ten()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 10));
        var grains = new TenantGrains(Grains, tenant);
        var setting = grains.Setting(urn);

        var results = await Task.WhenAll(
            Enumerable.Range(0, 50).Select(i => setting.ReservePlaceAsync(TestWorld.FullTime($"r{i}"))));

        Assert.Equal(10, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ErrorCode.CapacityExhausted, r.Error!.Code));
        var stored = await StoredGrainState.ReadAsync<ApSettingState>(fixture.Cluster, fixture.Storage.SqlitePath, GrainKeys.For(tenant, urn));
        Assert.NotNull(stored);
        Assert.Equal(10, stored.HeldPlaces.Count);
        Assert.All(stored.HeldPlaces.Values, p => Assert.True(p.FullTime));
        var live = await setting.GetCapacityAsync();
        Assert.Equal(0, live!.FullTimePlacesFree);
    }

    [Fact]
    public async Task Concurrent_session_reservations_never_overbook_any_half_day()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 0, perSession: 4));
        var grains = new TenantGrains(Grains, tenant);
        var setting = grains.Setting(urn);

        // Every request wants Monday morning, so at most four can win, whatever else they ask for.
        var results = await Task.WhenAll(
            Enumerable.Range(0, 30).Select(i => setting.ReservePlaceAsync(
                TestWorld.PartTime($"s{i}", Session.MonAm, i % 2 == 0 ? Session.TueAm : Session.WedPm))));

        Assert.Equal(4, results.Count(r => r.Succeeded));
        var stored = await StoredGrainState.ReadAsync<ApSettingState>(fixture.Cluster, fixture.Storage.SqlitePath, GrainKeys.For(tenant, urn));
        Assert.Equal(4, stored!.HeldPlaces.Count);
        var live = await setting.GetCapacityAsync();
        Assert.Equal(0, live!.Sessions.Single(s => s.Session == Session.MonAm).Free);
        Assert.All(live.Sessions, s => Assert.InRange(s.Free, 0, s.Places));
    }

    [Fact]
    public async Task The_same_reservation_id_sent_concurrently_holds_one_place()
    {
        var (tenant, urn) = await TestWorld.CreateSettingAsync(Grains, TestWorld.Profile(), TestWorld.Availability(fullTime: 5));
        var grains = new TenantGrains(Grains, tenant);
        var setting = grains.Setting(urn);

        var results = await Task.WhenAll(
            Enumerable.Range(0, 10).Select(_ => setting.ReservePlaceAsync(TestWorld.FullTime("same"))));

        Assert.All(results, r => Assert.True(r.Succeeded));
        var live = await setting.GetCapacityAsync();
        Assert.Equal(4, live!.FullTimePlacesFree);
    }
}
