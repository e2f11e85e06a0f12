using System.Text.Json;

namespace ApGrid.Server.Tests.Api;

/// <summary>
/// The non-school time limit on a clock moved on twelve weeks (the long-clock server, so the shared
/// server's clock stays near today): the 13th week is flagged, and an extension recorded at a
/// review lifts the flag until its day.
/// </summary>
[Collection(LongClockCollection.Name)]
public sealed class NonSchoolTimeLimitTests(LongClockServerFixture server) : IAsyncLifetime
{
    private readonly List<ProviderWorld> worlds = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var world in worlds) await world.RetireAsync();
    }

    private ProviderWorld Providers(PlacementWorld world)
    {
        var providers = new ProviderWorld(server, world);
        worlds.Add(providers);
        return providers;
    }

    [Fact]
    public async Task The_thirteenth_week_at_a_non_school_provider_is_flagged_until_extended()
    {
        var world = new PlacementWorld(server, "901");
        var providers = Providers(world);
        var urn = await providers.CreateNonSchoolProviderAsync("Trent Valley Kayak Club");
        var today = await world.TodayAsync();
        await providers.ApproveAsync(urn, insuranceExpires: today.AddDays(300));
        var (_, referral, start) = await providers.ReferralAsync();
        var started = await world.StartAsync(referral, urn, start, fullTime: false, ["THU_AM", "THU_PM"]);
        Assert.False(started.HasErrors, started.Body);
        var placementId = started.Data.GetProperty("startPlacement").GetProperty("id").GetString()!;

        var week1 = await CheckAsync(providers, urn, placementId);
        await world.AdvanceDaysAsync(start.AddDays((12 * 7) - 1).DayNumber - (await world.TodayAsync()).DayNumber);
        var week12 = await CheckAsync(providers, urn, placementId);
        await world.AdvanceDaysAsync(1);
        var week13 = await CheckAsync(providers, urn, placementId);
        var extended = await server.PostAsync(await world.LaAsync(), """
            mutation($urn: String!, $id: ID!, $until: Date!) { extendNonSchoolPlacement(urn: $urn, placementId: $id, until: $until, reason: "Review: reintegration starts after half term") { version } }
            """, new { urn, id = placementId, until = PlacementWorld.Iso(start.AddDays(100)) });
        var afterExtension = await CheckAsync(providers, urn, placementId);

        Assert.Equal((1, false), (week1.GetProperty("week").GetInt32(), week1.GetProperty("overTimeLimit").GetBoolean()));
        Assert.Equal((12, false), (week12.GetProperty("week").GetInt32(), week12.GetProperty("overTimeLimit").GetBoolean()));
        Assert.Equal((13, true), (week13.GetProperty("week").GetInt32(), week13.GetProperty("overTimeLimit").GetBoolean()));
        Assert.False(extended.HasErrors, extended.Body);
        Assert.Equal((false, PlacementWorld.Iso(start.AddDays(100))), (afterExtension.GetProperty("overTimeLimit").GetBoolean(), afterExtension.GetProperty("extendedUntil").GetString()));
    }

    private static async Task<JsonElement> CheckAsync(ProviderWorld providers, string urn, string placementId) =>
        (await providers.AssuranceAsync(urn)).GetProperty("activePlacements").EnumerateArray().Single(p => p.GetProperty("placementId").GetString() == placementId);
}
