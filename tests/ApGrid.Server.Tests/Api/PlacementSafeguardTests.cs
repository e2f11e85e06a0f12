using System.Text.Json;

namespace ApGrid.Server.Tests.Api;

/// <summary>Placements never overbook, retries start one placement, and every refusal changes nothing.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class PlacementSafeguardTests(RunningServerFixture server)
{
    [Fact]
    public async Task Forty_concurrent_starts_against_five_free_full_time_places_place_exactly_five()
    {
        var world = new PlacementWorld(server, "901");
        var (urn, setting) = await RegisteredSettingForAsync(world, "KS3");
        var la = await world.LaAsync();
        var used = setting.GetProperty("fullTimePlaces").GetInt32() - setting.GetProperty("fullTimePlacesFree").GetInt32();
        await SetFullTimePlacesAsync(la, setting, used + 5);
        var schoolUrn = (await world.SchoolUrnsAsync())[^2];
        var referrals = new List<string>();
        for (var i = 0; i < 40; i++) referrals.Add(await world.ReferAsync(await world.RegisterPupilAsync(schoolUrn, yearGroup: 8), schoolUrn));
        var start = await world.AdvancePastNoticeAsync(schoolUrn);
        var fullTimeBefore = await FullTimeInApAsync(la);

        var results = await Task.WhenAll(referrals.Select(r => world.StartAsync(r, urn, start, fullTime: true, [])));

        Assert.Equal(5, results.Count(r => !r.HasErrors));
        Assert.Equal(35, results.Count(r => r.FirstErrorCode == "CAPACITY_EXHAUSTED"));
        Assert.Equal(0, (await world.SettingAsync(urn)).GetProperty("fullTimePlacesFree").GetInt32());
        Assert.Equal(0, (await world.IndexedSettingAsync(urn)).GetProperty("fullTimePlacesFree").GetInt32());
        Assert.Equal(fullTimeBefore + 5, await FullTimeInApAsync(la));
    }

    private Task<int> FullTimeInApAsync(string la) => InApAsync(la, "FULL_TIME");

    private async Task<int> InApAsync(string la, string attendance)
    {
        var report = await server.PostAsync(la, "{ report { pupilsInApByAttendance { key count } } }");
        return report.Data.GetProperty("report").GetProperty("pupilsInApByAttendance").EnumerateArray()
            .Single(c => c.GetProperty("key").GetString() == attendance).GetProperty("count").GetInt32();
    }

    [Fact]
    public async Task Forty_concurrent_starts_against_five_free_session_places_place_exactly_five()
    {
        var world = new PlacementWorld(server, "902");
        var (urn, setting) = await RegisteredSettingForAsync(world, "KS2");
        var la = await world.LaAsync();
        var monday = setting.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("session").GetString() == "MON_AM");
        var usedMonday = monday.GetProperty("places").GetInt32() - monday.GetProperty("free").GetInt32();
        await SetSessionPlacesAsync(la, setting, "MON_AM", usedMonday + 5);
        var schoolUrn = (await world.SchoolUrnsAsync())[0];
        var referrals = new List<string>();
        for (var i = 0; i < 40; i++) referrals.Add(await world.ReferAsync(await world.RegisterPupilAsync(schoolUrn, yearGroup: 4), schoolUrn));
        var start = await world.AdvancePastNoticeAsync(schoolUrn);
        var partTimeBefore = await InApAsync(la, "PART_TIME");

        var results = await Task.WhenAll(referrals.Select(r => world.StartAsync(r, urn, start, fullTime: false, ["MON_AM"])));

        Assert.Equal(5, results.Count(r => !r.HasErrors));
        Assert.Equal(35, results.Count(r => r.FirstErrorCode == "CAPACITY_EXHAUSTED"));
        Assert.Equal(0, MondayMorningFree(await world.SettingAsync(urn)));
        Assert.Equal(0, MondayMorningFree(await world.IndexedSettingAsync(urn)));
        Assert.Equal(partTimeBefore + 5, await InApAsync(la, "PART_TIME"));
    }

    private static int MondayMorningFree(JsonElement setting) =>
        setting.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("session").GetString() == "MON_AM").GetProperty("free").GetInt32();

    [Fact]
    public async Task The_same_idempotency_key_sent_ten_times_concurrently_starts_one_placement()
    {
        var world = new PlacementWorld(server, "901");
        var (urn, setting) = await RegisteredSettingForAsync(world, "KS3");
        var la = await world.LaAsync();
        var used = setting.GetProperty("fullTimePlaces").GetInt32() - setting.GetProperty("fullTimePlacesFree").GetInt32();
        await SetFullTimePlacesAsync(la, setting, used + 3);
        var schoolUrn = (await world.SchoolUrnsAsync())[^1];
        var referral = await world.ReferAsync(await world.RegisterPupilAsync(schoolUrn, yearGroup: 8), schoolUrn);
        var start = await world.AdvancePastNoticeAsync(schoolUrn);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => world.StartAsync(referral, urn, start, fullTime: true, [], idempotencyKey: "retry-" + referral)));

        Assert.All(results, r => Assert.False(r.HasErrors, r.Body));
        Assert.Single(results.Select(r => r.Data.GetProperty("startPlacement").GetProperty("id").GetString()).Distinct());
        Assert.Equal(2, (await world.SettingAsync(urn)).GetProperty("fullTimePlacesFree").GetInt32());
    }

    private async Task<(string Urn, JsonElement Setting)> RegisteredSettingForAsync(PlacementWorld world, string keyStage)
    {
        foreach (var urn in await server.ApSettingUrnsAsync(world.Tenant))
        {
            var setting = await world.SettingAsync(urn);
            if (setting.GetProperty("registered").GetBoolean() && setting.GetProperty("keyStages").EnumerateArray().Any(k => k.GetString() == keyStage)) return (urn, setting);
        }

        throw new InvalidOperationException($"no registered setting serves {keyStage}");
    }

    private async Task SetFullTimePlacesAsync(string la, JsonElement setting, int places) =>
        await SetAsync(la, setting, places, setting.GetProperty("sessions").EnumerateArray().Select(s => (s.GetProperty("session").GetString()!, s.GetProperty("places").GetInt32())));

    private async Task SetSessionPlacesAsync(string la, JsonElement setting, string session, int places) =>
        await SetAsync(la, setting, setting.GetProperty("fullTimePlaces").GetInt32(), setting.GetProperty("sessions").EnumerateArray()
            .Select(s => (s.GetProperty("session").GetString()!, s.GetProperty("session").GetString() == session ? places : s.GetProperty("places").GetInt32())));

    private async Task SetAsync(string la, JsonElement setting, int fullTimePlaces, IEnumerable<(string Session, int Places)> sessions)
    {
        var response = await server.PostAsync(la, """
            mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { fullTimePlacesFree } }
            """, new
        {
            input = new
            {
                urn = setting.GetProperty("urn").GetString(),
                fullTimePlaces,
                sessions = sessions.Select(s => new { session = s.Session, places = s.Places }).ToArray(),
                outreachHoursPerWeek = setting.GetProperty("outreachHoursPerWeek").GetDouble(),
            },
        });
        Assert.False(response.HasErrors, response.Body);
    }
}
