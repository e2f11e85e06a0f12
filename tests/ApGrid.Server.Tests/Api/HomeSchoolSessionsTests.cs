namespace ApGrid.Server.Tests.Api;

/// <summary>
/// Non-school AP is part of the week (issue 26): a pupil placed there on a route that leaves them
/// at school keeps at least one home-school session, counting every provider of the week; routes
/// on which the pupil cannot attend school are exempt. Refusals change nothing.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class HomeSchoolSessionsTests(RunningServerFixture server) : IAsyncLifetime
{
    private static readonly string[] Mornings = ["MON_AM", "TUE_AM", "WED_AM", "THU_AM", "FRI_AM"];
    private static readonly string[] Afternoons = ["MON_PM", "TUE_PM", "WED_PM", "THU_PM", "FRI_PM"];
    private ProviderWorld? providers;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (providers is not null) await providers.RetireAsync();
    }

    [Fact]
    public async Task A_direction_to_non_school_AP_leaves_a_home_school_session_whatever_else_the_week_holds()
    {
        var world = new PlacementWorld(server, "901");
        providers = new ProviderWorld(server, world);
        var urn = await providers.CreateNonSchoolProviderAsync("Hollow Lane Farm Project");
        await providers.ApproveAsync(urn);
        var schoolUrn = (await world.SchoolUrnsAsync())[^1];
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn);
        var today = await world.TodayAsync();
        var start = await world.StartAfterNoticeAsync(schoolUrn, today, 0);

        // Every session at the provider: refused on the rule, nothing placed.
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 9);
        var fullWeek = await world.ArrangeAsync(school, PlacementWorld.Arrangement(pupil, "OFF_SITE_DIRECTION", urn, start, [], fullTime: true, notice: PlacementWorld.Notice(today)));
        Assert.Equal(("VALIDATION", "sessions"), (fullWeek.FirstErrorCode, fullWeek.FirstErrorField));
        Assert.StartsWith("HOME_SCHOOL_SESSIONS", fullWeek.FirstErrorMessage, StringComparison.Ordinal);

        // Nine sessions are part of the week; amending to all ten is refused and changes nothing.
        var nine = await world.ArrangeAsync(school, PlacementWorld.Arrangement(pupil, "OFF_SITE_DIRECTION", urn, start, [.. Mornings, .. Afternoons[..4]], notice: PlacementWorld.Notice(today)));
        Assert.False(nine.HasErrors, nine.Body);
        var placementId = nine.Data.GetProperty("arrangePlacement").GetProperty("id").GetString()!;
        var amended = await server.PostAsync(school, "mutation($input: AmendPlacementInput!) { amendPlacement(input: $input) { id } }", new
        {
            input = new { placementId, effectiveFrom = PlacementWorld.Iso(start), fullTime = true },
        });
        Assert.Equal(("VALIDATION", "sessions"), (amended.FirstErrorCode, amended.FirstErrorField));
        var after = await server.PostAsync(school, "query($id: ID!) { pupil(id: $id) { placements { id fullTime sessions } } }", new { id = pupil });
        var kept = after.Data.GetProperty("pupil").GetProperty("placements").EnumerateArray().Single(p => p.GetProperty("id").GetString() == placementId);
        Assert.Equal((false, 9), (kept.GetProperty("fullTime").GetBoolean(), kept.GetProperty("sessions").GetArrayLength()));

        // Mornings at a PRU and afternoons at the provider leave no home-school session either.
        var split = await world.RegisterPupilAsync(schoolUrn, yearGroup: 9);
        var pru = await world.SettingAsync(school: true, "KS3");
        await world.EnsureFreeSessionsAsync(pru, Mornings);
        var mornings = await world.ArrangeAsync(school, PlacementWorld.Arrangement(split, "OFF_SITE_DIRECTION", pru, start, Mornings, notice: PlacementWorld.Notice(today)));
        Assert.False(mornings.HasErrors, mornings.Body);
        var afternoons = await world.ArrangeAsync(school, PlacementWorld.Arrangement(split, "OFF_SITE_DIRECTION", urn, start, Afternoons, notice: PlacementWorld.Notice(today)));
        Assert.Equal(("VALIDATION", "sessions"), (afternoons.FirstErrorCode, afternoons.FirstErrorField));

        // A child who cannot attend school (s19) may have the whole week there.
        var unwell = await world.RegisterPupilAsync(schoolUrn, yearGroup: 9);
        var s19 = await world.ArrangeAsync(await world.LaAsync(), PlacementWorld.Arrangement(unwell, "S19_HEALTH_OR_OTHER", urn, today, [.. Mornings, .. Afternoons]));
        Assert.False(s19.HasErrors, s19.Body);
    }
}
