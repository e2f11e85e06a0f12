using System.Text.Json;
using ApGrid.Server.Tests.Running;

namespace ApGrid.Server.Tests.Api;

/// <summary>
/// A placement's life after its start, through the API: packages and the full-time-education
/// check, amendments and transfers that move capacity atomically under races, and ends that say
/// where the child went.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class LivePlacementTests(RunningServerFixture server)
{
    private const string Amend = "mutation($input: AmendPlacementInput!) { amendPlacement(input: $input) { " + PlacementWorld.PlacementFields + " } }";
    private const string Transfer = "mutation($input: TransferPlacementInput!) { transferPlacement(input: $input) { " + PlacementWorld.PlacementFields + " } }";

    [Fact]
    public async Task Home_school_and_two_providers_are_a_full_week_until_a_session_goes_and_the_gap_is_flagged_until_it_closes()
    {
        var world = new PlacementWorld(server, "902");
        var la = await world.LaAsync();
        var schoolUrn = (await world.SchoolUrnsAsync())[1];
        var school = await server.TokenAsync("902", "SCHOOL_STAFF", schoolUrn);
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 8);
        var first = await world.SettingAsync(school: true, "KS3");
        var second = await world.SettingAsync(school: false, "KS3");
        await world.EnsureFreeSessionsAsync(first, "WED_AM", "WED_PM", "THU_AM");
        await world.EnsureFreeSessionsAsync(second, "THU_PM", "FRI_AM", "FRI_PM");
        var today = await world.TodayAsync();
        Assert.False((await world.ArrangeAsync(la, PlacementWorld.Arrangement(pupil, "S19_HEALTH_OR_OTHER", first, today, ["WED_AM", "WED_PM", "THU_AM"]))).HasErrors);
        var atSecond = await world.ArrangeAsync(la, PlacementWorld.Arrangement(pupil, "S19_HEALTH_OR_OTHER", second, today, ["THU_PM", "FRI_AM", "FRI_PM"]));
        Assert.False(atSecond.HasErrors, atSecond.Body);
        var timetable = await server.PostAsync(school, """
            mutation($input: SetPupilTimetableInput!) { setPupilTimetable(input: $input) { partTimeTimetable gapHours homeSchoolSessions } }
            """, new { input = new { pupilId = pupil, homeSchoolSessions = new[] { "MON_AM", "MON_PM", "TUE_AM", "TUE_PM" } } });
        Assert.False(timetable.HasErrors, timetable.Body);
        Assert.False(timetable.Data.GetProperty("setPupilTimetable").GetProperty("partTimeTimetable").GetBoolean());
        Assert.DoesNotContain(pupil, await PartTimeAsync(la));

        var placementId = atSecond.Data.GetProperty("arrangePlacement").GetProperty("id").GetString();
        var cut = await server.PostAsync(la, Amend, new { input = new { placementId, sessions = new[] { "THU_PM", "FRI_AM" }, reason = "Friday afternoons at home while the medication is reviewed" } });
        Assert.False(cut.HasErrors, cut.Body);

        var flagged = await PartTimeAsync(la);
        Assert.True(flagged.TryGetValue(pupil, out var gap));
        Assert.Equal(["FRI_PM"], gap.Uncovered);
        Assert.Equal(3.25, gap.GapHours);
        Assert.True((await PartTimeAsync(school)).ContainsKey(pupil));
        var otherSchool = await server.TokenAsync("902", "SCHOOL_STAFF", (await world.SchoolUrnsAsync())[0]);
        Assert.False((await PartTimeAsync(otherSchool)).ContainsKey(pupil));

        Assert.False((await server.PostAsync(la, Amend, new { input = new { placementId, sessions = new[] { "THU_PM", "FRI_AM", "FRI_PM" } } })).HasErrors);
        Assert.DoesNotContain(pupil, await PartTimeAsync(la));
    }

    [Fact]
    public async Task Forty_concurrent_amendments_into_five_free_sessions_succeed_exactly_five_times_and_the_index_agrees()
    {
        var world = new PlacementWorld(server, "901");
        var la = await world.LaAsync();
        var schoolUrn = (await world.SchoolUrnsAsync())[2];
        var urn = await world.SettingAsync(school: true, "KS3");
        await world.SetFreeSessionsAsync(urn, 40, "MON_PM");
        await world.SetFreeSessionsAsync(urn, 5, "TUE_PM");
        var today = await world.TodayAsync();
        var placements = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 9);
            var placed = await world.ArrangeAsync(la, PlacementWorld.Arrangement(pupil, "S19_HEALTH_OR_OTHER", urn, today, ["MON_PM"]));
            Assert.False(placed.HasErrors, placed.Body);
            placements.Add(placed.Data.GetProperty("arrangePlacement").GetProperty("id").GetString()!);
        }

        var results = await Task.WhenAll(placements.Select(id => server.PostAsync(la, Amend, new { input = new { placementId = id, sessions = new[] { "MON_PM", "TUE_PM" } } })));

        Assert.Equal(5, results.Count(r => !r.HasErrors));
        Assert.Equal(35, results.Count(r => r.FirstErrorCode == "CAPACITY_EXHAUSTED"));
        var setting = await world.SettingAsync(urn);
        Assert.Equal((0, 0), (PlacementWorld.Free(setting, "TUE_PM"), PlacementWorld.Free(setting, "MON_PM")));
        var indexed = await world.IndexedSettingAsync(urn);
        Assert.Equal((0, 0), (PlacementWorld.Free(indexed, "TUE_PM"), PlacementWorld.Free(indexed, "MON_PM")));
        var amended = results.Where(r => !r.HasErrors).Select(r => r.Data.GetProperty("amendPlacement")).ToList();
        Assert.All(amended, p => Assert.Equal(["MON_PM"], p.GetProperty("changes")[0].GetProperty("sessionsBefore").EnumerateArray().Select(s => s.GetString())));
    }

    [Fact]
    public async Task Forty_concurrent_transfers_into_five_free_places_move_exactly_five_and_give_their_old_places_back()
    {
        var world = new PlacementWorld(server, "902");
        var la = await world.LaAsync();
        var schoolUrn = (await world.SchoolUrnsAsync())[2];
        var from = await world.SettingAsync(school: true, "KS3");
        var to = await world.SettingAsync(school: false, "KS3");
        Assert.NotEqual(from, to);
        await world.SetFreeSessionsAsync(from, 40, "WED_PM");
        await world.SetFreeSessionsAsync(to, 5, "WED_PM");
        var today = await world.TodayAsync();
        var placements = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 9);
            var placed = await world.ArrangeAsync(la, PlacementWorld.Arrangement(pupil, "S19_HEALTH_OR_OTHER", from, today, ["WED_PM"]));
            Assert.False(placed.HasErrors, placed.Body);
            placements.Add(placed.Data.GetProperty("arrangePlacement").GetProperty("id").GetString()!);
        }

        var inApBefore = await InApAsync(la);

        var results = await Task.WhenAll(placements.Select(id => server.PostAsync(la, Transfer, new { input = new { placementId = id, toApUrn = to } })));

        Assert.Equal(5, results.Count(r => !r.HasErrors));
        Assert.Equal(35, results.Count(r => r.FirstErrorCode == "CAPACITY_EXHAUSTED"));
        Assert.Equal((0, 5), (PlacementWorld.Free(await world.SettingAsync(to), "WED_PM"), PlacementWorld.Free(await world.SettingAsync(from), "WED_PM")));
        Assert.Equal((0, 5), (PlacementWorld.Free(await world.IndexedSettingAsync(to), "WED_PM"), PlacementWorld.Free(await world.IndexedSettingAsync(from), "WED_PM")));
        Assert.All(results.Where(r => !r.HasErrors), r => Assert.Contains(r.Data.GetProperty("transferPlacement").GetProperty("transferredFrom").GetString(), placements));
        // Still the same pupils in AP: a transfer moves a pupil, it does not add one.
        Assert.Equal(inApBefore, await InApAsync(la));
    }

    [Fact]
    public async Task A_phased_return_steps_sessions_down_as_dated_changes_and_frees_them_at_the_setting()
    {
        var world = new PlacementWorld(server, "901");
        var la = await world.LaAsync();
        var schoolUrn = (await world.SchoolUrnsAsync())[1];
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn);
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 8);
        var urn = await world.SettingAsync(school: false, "KS3");
        await world.EnsureFreeSessionsAsync(urn, "TUE_AM", "WED_AM", "THU_AM");
        var today = await world.TodayAsync();
        var start = await world.StartAfterNoticeAsync(schoolUrn, today, 0);
        var placed = await world.ArrangeAsync(school, PlacementWorld.Arrangement(pupil, "OFF_SITE_DIRECTION", urn, start, ["TUE_AM", "WED_AM", "THU_AM"], notice: PlacementWorld.Notice(today)));
        Assert.False(placed.HasErrors, placed.Body);
        var placementId = placed.Data.GetProperty("arrangePlacement").GetProperty("id").GetString();
        var day = await world.AdvanceDaysAsync(start.DayNumber - today.DayNumber + 7);
        var before = await world.SettingAsync(urn);

        var otherSchool = await server.TokenAsync("901", "SCHOOL_STAFF", (await world.SchoolUrnsAsync())[0]);
        Assert.Equal("NOT_FOUND", (await server.PostAsync(otherSchool, Amend, new { input = new { placementId, sessions = new[] { "TUE_AM" } } })).FirstErrorCode);
        var ap = await server.TokenAsync("901", "AP_STAFF", urn);
        Assert.Equal("FORBIDDEN", (await server.PostAsync(ap, Amend, new { input = new { placementId, sessions = new[] { "TUE_AM" } } })).FirstErrorCode);
        var future = await server.PostAsync(school, Amend, new { input = new { placementId, sessions = new[] { "TUE_AM" }, effectiveFrom = PlacementWorld.Iso(day.AddDays(1)) } });
        Assert.Equal(("VALIDATION", "effectiveFrom"), (future.FirstErrorCode, future.FirstErrorField));

        var stepOne = await server.PostAsync(school, Amend, new { input = new { placementId, sessions = new[] { "TUE_AM", "WED_AM" }, reason = "Thursdays back at school" } });
        Assert.False(stepOne.HasErrors, stepOne.Body);
        await world.AdvanceDaysAsync(7);
        var stepTwo = await server.PostAsync(school, Amend, new { input = new { placementId, sessions = new[] { "TUE_AM" }, reason = "Wednesdays back at school" } });

        Assert.False(stepTwo.HasErrors, stepTwo.Body);
        var changes = stepTwo.Data.GetProperty("amendPlacement").GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(2, changes.Count);
        Assert.Equal(["TUE_AM", "WED_AM"], changes[0].GetProperty("sessionsAfter").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["TUE_AM"], changes[1].GetProperty("sessionsAfter").EnumerateArray().Select(s => s.GetString()));
        var after = await world.SettingAsync(urn);
        Assert.Equal(PlacementWorld.Free(before, "WED_AM") + 1, PlacementWorld.Free(after, "WED_AM"));
        Assert.Equal(PlacementWorld.Free(before, "THU_AM") + 1, PlacementWorld.Free(after, "THU_AM"));
        Assert.Equal(PlacementWorld.Free(before, "TUE_AM"), PlacementWorld.Free(after, "TUE_AM"));
    }

    [Fact]
    public async Task A_child_of_compulsory_age_leaves_only_to_a_recorded_destination_and_an_unknown_one_alerts_the_LA()
    {
        var world = new PlacementWorld(server, "901");
        var la = await world.LaAsync();
        var schoolUrn = (await world.SchoolUrnsAsync())[0];
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 3);
        var urn = await world.SettingAsync(school: true, "KS2");
        await world.EnsureFreeSessionsAsync(urn, "MON_AM");
        var today = await world.TodayAsync();
        var placed = await world.ArrangeAsync(la, PlacementWorld.Arrangement(pupil, "S19_HEALTH_OR_OTHER", urn, today, ["MON_AM"]));
        Assert.False(placed.HasErrors, placed.Body);
        var placementId = placed.Data.GetProperty("arrangePlacement").GetProperty("id").GetString()!;
        const string End = """
            mutation($input: EndPlacementInput!) { endPlacement(input: $input) { status destination { kind reason } } }
            """;

        var silent = await server.PostAsync(la, End, new { input = new { placementId, endDate = PlacementWorld.Iso(today), outcome = "LEFT_EDUCATION" } });
        Assert.Equal(("VALIDATION", "destination"), (silent.FirstErrorCode, silent.FirstErrorField));
        var noReason = await server.PostAsync(la, End, new { input = new { placementId, endDate = PlacementWorld.Iso(today), outcome = "LEFT_EDUCATION", destination = new { kind = "MISSING_EDUCATION" } } });
        Assert.Equal(("VALIDATION", "destination.reason"), (noReason.FirstErrorCode, noReason.FirstErrorField));

        // Live only once a capacity change it caused has arrived: then nothing after it can be missed.
        using var listener = NodeScripts.Start("subscribe.mjs", server.WebSocketUri.ToString(), la, "subscription { changes(kinds: [CAPACITY, MISSING_EDUCATION]) { kind subjectId } }", "200", "30000");
        await SubscriberOutput.WaitForAsync(listener, "connected");
        var first = SubscriberOutput.ReadNextAsync(listener);
        for (var i = 0; i < 20 && !first.IsCompleted; i++)
        {
            await world.SetFreeSessionsAsync(urn, 3 + i, "FRI_PM");
            await Task.WhenAny(first, Task.Delay(1000));
        }

        Assert.NotNull(await first);

        var ended = await server.PostAsync(la, End, new
        {
            input = new { placementId, endDate = PlacementWorld.Iso(today), outcome = "LEFT_EDUCATION", destination = new { kind = "MISSING_EDUCATION", reason = "Family moved away; new address unknown" } },
        });

        Assert.False(ended.HasErrors, ended.Body);
        Assert.Equal("MISSING_EDUCATION", ended.Data.GetProperty("endPlacement").GetProperty("destination").GetProperty("kind").GetString());
        var alerts = new List<string?>();
        var seen = new List<string>();
        while (await SubscriberOutput.ReadNextAsync(listener) is { } message)
        {
            seen.Add(Change(message).GetRawText());
            if (Change(message).GetProperty("kind").GetString() != "MISSING_EDUCATION") continue;
            alerts.Add(Change(message).GetProperty("subjectId").GetString());
            break;
        }

        Assert.True(alerts.SequenceEqual([placementId]), string.Join("\n", seen));
    }

    [Fact]
    public async Task The_report_counts_active_placements_by_tier_and_a_pupil_with_a_package_once()
    {
        var world = new PlacementWorld(server, "902");
        var la = await world.LaAsync();
        var schoolUrn = (await world.SchoolUrnsAsync())[3];
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 10);
        var first = await world.SettingAsync(school: true, "KS4");
        var second = await world.SettingAsync(school: false, "KS4");
        await world.EnsureFreeSessionsAsync(first, "MON_AM");
        await world.EnsureFreeSessionsAsync(second, "TUE_AM");
        var today = await world.TodayAsync();
        var before = await ReportAsync(la);

        var timeLimited = PlacementWorld.Arrangement(pupil, "S19_HEALTH_OR_OTHER", first, today, ["MON_AM"]);
        Assert.False((await world.ArrangeAsync(la, new Dictionary<string, object?>(Properties(timeLimited)) { ["tier"] = "TIME_LIMITED" })).HasErrors);
        var transitional = PlacementWorld.Arrangement(pupil, "S19_HEALTH_OR_OTHER", second, today, ["TUE_AM"]);
        Assert.False((await world.ArrangeAsync(la, new Dictionary<string, object?>(Properties(transitional)) { ["tier"] = "TRANSITIONAL" })).HasErrors);

        var after = await ReportAsync(la);
        Assert.Equal(before.Tiers["TIME_LIMITED"] + 1, after.Tiers["TIME_LIMITED"]);
        Assert.Equal(before.Tiers["TRANSITIONAL"] + 1, after.Tiers["TRANSITIONAL"]);
        Assert.Equal(before.InAp + 1, after.InAp);
    }

    private static Dictionary<string, object?> Properties(object value) =>
        value.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(value));

    private async Task<(Dictionary<string, int> Tiers, int InAp)> ReportAsync(string la)
    {
        var report = (await server.PostAsync(la, "{ report { placementsByTier { key count } pupilsInApByAttendance { key count } } }")).Data.GetProperty("report");
        return (
            report.GetProperty("placementsByTier").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!, c => c.GetProperty("count").GetInt32()),
            report.GetProperty("pupilsInApByAttendance").EnumerateArray().Sum(c => c.GetProperty("count").GetInt32()));
    }

    private async Task<Dictionary<string, (string[] Uncovered, double GapHours)>> PartTimeAsync(string token)
    {
        var response = await server.PostAsync(token, "{ partTimeTimetables { pupil { id } uncoveredSessions gapHours partTimeAgreedBy } }");
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty("partTimeTimetables").EnumerateArray().ToDictionary(
            p => p.GetProperty("pupil").GetProperty("id").GetString()!,
            p => (p.GetProperty("uncoveredSessions").EnumerateArray().Select(s => s.GetString()!).ToArray(), p.GetProperty("gapHours").GetDouble()));
    }

    private static JsonElement Change(JsonElement message) => message.GetProperty("value").GetProperty("data").GetProperty("changes");

    private async Task<int> InApAsync(string la)
    {
        var report = await server.PostAsync(la, "{ report { pupilsInApByAttendance { key count } } }");
        return report.Data.GetProperty("report").GetProperty("pupilsInApByAttendance").EnumerateArray().Sum(c => c.GetProperty("count").GetInt32());
    }
}
