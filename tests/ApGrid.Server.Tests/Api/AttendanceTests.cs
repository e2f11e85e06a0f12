using System.Text.Json;
using ApGrid.Domain;
using ApGrid.Server.Tests.Rest;
using ApGrid.Server.Tests.Running;

namespace ApGrid.Server.Tests.Api;

/// <summary>Daily attendance through the running server: the AP's register, the not-arrived alert and the percentages.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class AttendanceTests(RunningServerFixture server)
{
    private const string Tenant = "901";

    private const string PupilAttendance = """
        query($id: ID!) { pupil(id: $id) {
          attendance { week { possibleSessions attendedSessions percent } toDate { possibleSessions attendedSessions percent } }
          placements { id attendance { toDate { possibleSessions attendedSessions percent } marks { session mark code label } } } } }
        """;

    private const string RecordAttendance = """
        mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { rows { pupil { id } session mark { code } } } }
        """;

    [Fact]
    public async Task A_register_upload_is_idempotent_refused_whole_naming_the_row_and_the_percentages_are_the_hand_counted_ones()
    {
        var world = new AttendanceWorld(server, Tenant);
        var schools = await world.Placements.SchoolUrnsAsync();
        var urn = await world.Ks3SettingAsync();
        var ap = await server.TokenAsync(Tenant, "AP_STAFF", urn);
        var la = await world.Placements.LaAsync();
        var bandsBefore = await BandsAsync(la);
        var (day, placed) = await world.PlaceAsync(schools[0], urn, 1);
        var (pupil, placementId) = placed[0];
        var notPlaced = await world.Placements.RegisterPupilAsync(schools[0], yearGroup: 9);
        var path = $"/api/v1/ap-settings/{urn}/register/{AttendanceWorld.Iso(day)}";
        string am = AttendanceWorld.SessionOf(day, true), pm = AttendanceWorld.SessionOf(day, false);
        var wrongDay = AttendanceWorld.SessionOf(day.AddDays(day.DayOfWeek == DayOfWeek.Friday ? -1 : 1), true);

        var first = await server.PutAsync(ap, path, AttendanceWorld.Marks((pupil, am, "/"), (pupil, pm, "O")));
        var again = await server.PutAsync(ap, path, AttendanceWorld.Marks((pupil, am, "/"), (pupil, pm, "O")));
        var unknownCode = await server.PutAsync(ap, path, AttendanceWorld.Marks((pupil, am, "I"), (pupil, pm, "Z")));
        var notThere = await server.PutAsync(ap, path, AttendanceWorld.Marks((pupil, am, "I"), (notPlaced, am, "/")));
        var notThatDay = await server.PutAsync(ap, path, AttendanceWorld.Marks((pupil, wrongDay, "/")));
        var after = await server.GetAsync(ap, path);

        Assert.Equal(200, first.Status);
        Assert.Equal(Rows(first, pupil), Rows(again, pupil));
        Assert.Equal((400, "marks[1].code"), (unknownCode.Status, unknownCode.ProblemField));
        Assert.Equal((422, "marks[1].pupilId"), (notThere.Status, notThere.ProblemField));
        Assert.Contains("marks[1]", notThere.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((422, "marks[0].session"), (notThatDay.Status, notThatDay.ProblemField));
        Assert.Equal(Rows(first, pupil), Rows(after, pupil));
        var rows = after.Json.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("pupilId").GetString() == pupil).ToList();
        Assert.Equal(["/", "O"], rows.Select(r => r.GetProperty("code").GetString()));

        // The next school day: late before the register closed, then not required to attend (not a possible session).
        var next = await world.NextSchoolDayAsync();
        var school = await server.TokenAsync(Tenant, "SCHOOL_STAFF", schools[0]);
        var marked = await server.PostAsync(school, RecordAttendance, new
        {
            input = new
            {
                urn,
                date = AttendanceWorld.Iso(next),
                marks = new[] { new { pupilId = pupil, session = AttendanceWorld.SessionOf(next, true), mark = "LATE_BEFORE_REGISTER_CLOSED" }, new { pupilId = pupil, session = AttendanceWorld.SessionOf(next, false), mark = "NOT_REQUIRED_TO_ATTEND" } },
            },
        });
        Assert.False(marked.HasErrors, marked.Body);

        // By hand: possible sessions /, O, L (X is not possible), attended / and L: 2 / 3 = 66.7%.
        // The week holding the second day: all three if both days are in it, else L alone: 1 / 1 = 100%.
        var sameWeek = AttendanceRules.WeekStart(day) == AttendanceRules.WeekStart(next);
        var read = await server.PostAsync(la, PupilAttendance, new { id = pupil });
        Assert.False(read.HasErrors, read.Body);
        var attendance = read.Data.GetProperty("pupil").GetProperty("attendance");
        Assert.Equal((3, 2, 66.7), Tally(attendance.GetProperty("toDate")));
        Assert.Equal(sameWeek ? (3, 2, 66.7) : (1, 1, 100.0), Tally(attendance.GetProperty("week")));
        var placement = read.Data.GetProperty("pupil").GetProperty("placements").EnumerateArray().Single(p => p.GetProperty("id").GetString() == placementId);
        Assert.Equal((3, 2, 66.7), Tally(placement.GetProperty("attendance").GetProperty("toDate")));
        Assert.Equal(["/", "O", "L", "X"], placement.GetProperty("attendance").GetProperty("marks").EnumerateArray().Select(m => m.GetProperty("code").GetString()));
        Assert.Equal("Late (before register closed)", placement.GetProperty("attendance").GetProperty("marks")[2].GetProperty("label").GetString());

        // 66.7% is persistent absence: the report's band counts the pupil there, not under "no marks yet".
        var bandsAfter = await BandsAsync(la);
        Assert.Equal(bandsBefore["FIFTY_TO_UNDER_NINETY"] + 1, bandsAfter["FIFTY_TO_UNDER_NINETY"]);
        Assert.Equal(bandsBefore["NO_MARKS_YET"], bandsAfter["NO_MARKS_YET"]);

        // Reading a pupil's attendance is a read of their record.
        var trail = await server.PostAsync(la, "query($id: ID!) { auditTrail(pupilId: $id, first: 100) { entries { action what } } }", new { id = pupil });
        Assert.Contains(trail.Data.GetProperty("auditTrail").GetProperty("entries").EnumerateArray(), e => e.GetProperty("what").EnumerateArray().Any(w => w.GetString() == "Pupil.attendance"));
    }

    [Fact]
    public async Task A_missing_morning_mark_raises_one_not_arrived_alert_seen_by_the_LA_and_the_home_school_only()
    {
        var world = new AttendanceWorld(server, Tenant);
        var schools = await world.Placements.SchoolUrnsAsync();
        var urn = await world.Ks3SettingAsync();
        var (_, placed) = await world.PlaceAsync(schools[1], urn, 1);
        var pupil = placed[0].PupilId;
        var la = await world.Placements.LaAsync();
        var home = await server.TokenAsync(Tenant, "SCHOOL_STAFF", schools[1]);
        var other = await server.TokenAsync(Tenant, "SCHOOL_STAFF", schools[2]);
        var partner = await server.TokenAsync(Tenant, "PARTNER");
        var (cursor, _) = await FeedAsync(la, null);
        // Each role's cursor is its own (only the LA's is a sequence number): each starts from its own.
        var starts = new Dictionary<string, string>();
        foreach (var token in new[] { home, other, partner }) starts[token] = (await FeedAsync(token, null)).Cursor;
        const string Subscription = "subscription { changes(kinds: [NOT_ARRIVED]) { kind subjectId } }";
        using var homeFeed = NodeScripts.Start("subscribe.mjs", server.WebSocketUri.ToString(), home, Subscription, "1000", "40000");
        using var otherFeed = NodeScripts.Start("subscribe.mjs", server.WebSocketUri.ToString(), other, Subscription, "1000", "25000");
        await SubscriberOutput.WaitForAsync(homeFeed, "connected");
        await SubscriberOutput.WaitForAsync(otherFeed, "connected");
        var homeSeen = ReadUntilAsync(homeFeed, pupil);
        var otherSeen = ReadUntilAsync(otherFeed, pupil);

        var day = await world.NextSchoolDayAsync();
        await world.PastMorningCutOffAsync();
        var am = AttendanceWorld.SessionOf(day, true);
        const string Alerts = "query($date: Date) { notArrivedAlerts(date: $date) { pupil { id } session date subjectId } }";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<JsonElement> mine = [];
        while (DateTime.UtcNow < deadline && mine.Count == 0)
        {
            await Task.Delay(500);
            mine = await AlertsForAsync(la, pupil, am, AttendanceWorld.Iso(day));
        }

        // Several more sweeps (every 2 s in the test server) raise nothing new.
        await Task.Delay(TimeSpan.FromSeconds(5));
        mine = await AlertsForAsync(la, pupil, am, AttendanceWorld.Iso(day));
        var alert = Assert.Single(mine);
        var subject = alert.GetProperty("subjectId").GetString()!;
        var (_, feed) = await FeedAsync(la, cursor);
        Assert.Single(feed, e => e.GetProperty("kind").GetString() == "NOT_ARRIVED" && e.GetProperty("subjectId").GetString() == subject);
        Assert.Single(await AlertsForAsync(home, pupil, am, AttendanceWorld.Iso(day)));
        Assert.Empty(await AlertsForAsync(other, pupil, am, AttendanceWorld.Iso(day)));
        Assert.Equal("FORBIDDEN", (await server.PostAsync(partner, Alerts, new { date = AttendanceWorld.Iso(day) })).FirstErrorCode);
        foreach (var (token, sees) in new[] { (home, true), (other, false), (partner, false) })
        {
            var (_, entries) = await FeedAsync(token, starts[token]);
            Assert.Equal(sees, entries.Any(e => e.GetProperty("subjectId").GetString() == subject));
        }

        Assert.True(await homeSeen, "the home school's subscription did not get the alert");
        Assert.False(await otherSeen, "another school's subscription got the alert");
    }

    [Fact]
    public async Task Nobody_else_records_or_reads_a_register()
    {
        var world = new AttendanceWorld(server, Tenant);
        var schools = await world.Placements.SchoolUrnsAsync();
        var urn = await world.Ks3SettingAsync();
        var (day, placed) = await world.PlaceAsync(schools[0], urn, 1);
        var pupil = placed[0].PupilId;
        var otherSetting = (await server.ApSettingUrnsAsync(Tenant)).First(u => u != urn);
        var input = new { input = new { urn, date = AttendanceWorld.Iso(day), marks = new[] { new { pupilId = pupil, session = AttendanceWorld.SessionOf(day, true), mark = "PRESENT" } } } };
        const string Register = "query($urn: String!, $date: Date) { register(urn: $urn, date: $date) { rows { pupil { id } } } }";
        var otherTenantUrns = await server.ApSettingUrnsAsync("902");

        var otherAp = await server.TokenAsync(Tenant, "AP_STAFF", otherSetting);
        var otherSchool = await server.TokenAsync(Tenant, "SCHOOL_STAFF", schools[1]);
        var la = await world.Placements.LaAsync();
        var partner = await server.TokenAsync(Tenant, "PARTNER");
        var otherTenant = await server.TokenAsync("902", "AP_STAFF", urn);

        Assert.Equal(("FORBIDDEN", "marks[0].pupilId"), Refusal(await server.PostAsync(otherAp, RecordAttendance, input)));
        Assert.Equal(("FORBIDDEN", "marks[0].pupilId"), Refusal(await server.PostAsync(otherSchool, RecordAttendance, input)));
        Assert.Equal("FORBIDDEN", (await server.PostAsync(la, RecordAttendance, input)).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await server.PostAsync(partner, RecordAttendance, input)).FirstErrorCode);
        Assert.DoesNotContain(urn, otherTenantUrns);
        Assert.Equal(("NOT_FOUND", "urn"), Refusal(await server.PostAsync(otherTenant, RecordAttendance, input)));
        // Another setting's staff read it only as a home school (a PRU holds a roll): none of its pupils are here.
        var otherApView = await server.PostAsync(otherAp, Register, new { urn, date = AttendanceWorld.Iso(day) });
        Assert.False(otherApView.HasErrors, otherApView.Body);
        Assert.DoesNotContain(pupil, otherApView.Body, StringComparison.Ordinal);
        Assert.Equal("FORBIDDEN", (await server.PostAsync(partner, Register, new { urn, date = AttendanceWorld.Iso(day) })).FirstErrorCode);
        var otherSchoolView = await server.PostAsync(otherSchool, Register, new { urn, date = AttendanceWorld.Iso(day) });
        Assert.DoesNotContain(pupil, otherSchoolView.Body, StringComparison.Ordinal);

        var path = $"/api/v1/ap-settings/{urn}/register/{AttendanceWorld.Iso(day)}";
        var body = AttendanceWorld.Marks((pupil, AttendanceWorld.SessionOf(day, true), "/"));
        Assert.Equal((403, "marks[0].pupilId"), Status(await server.PutAsync(otherAp, path, body)));
        Assert.Equal((403, "marks[0].pupilId"), Status(await server.PutAsync(otherSchool, path, body)));
        Assert.Equal(403, (await server.PutAsync(la, path, body)).Status);
        Assert.Equal(404, (await server.PutAsync(otherTenant, path, body)).Status);
        Assert.DoesNotContain(pupil, (await server.GetAsync(otherAp, path)).Body, StringComparison.Ordinal);
        Assert.Equal(403, (await server.GetAsync(partner, path)).Status);

        // Over the WebSocket too: the same resolver, the same refusal.
        var (exit, output) = await NodeScripts.RunToEndAsync("node",
            ["subscribe.mjs", server.WebSocketUri.ToString(), otherAp, RecordAttendance, "1", "10000", JsonSerializer.Serialize(input)],
            TimeSpan.FromSeconds(30));
        Assert.Contains("FORBIDDEN", output, StringComparison.Ordinal);
        Assert.DoesNotContain(pupil, output, StringComparison.Ordinal);
        _ = exit;

        // Nothing was recorded by any of them.
        var ap = await server.TokenAsync(Tenant, "AP_STAFF", urn);
        var register = await server.GetAsync(ap, path);
        Assert.All(register.Json.GetProperty("rows").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("code").ValueKind));
    }

    /// <summary>The pupil's rows as (session, code, markedAt): the register's other pupils and alerts may change meanwhile.</summary>
    private static List<string> Rows(RestResponse register, string pupil) =>
        [.. register.Json.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("pupilId").GetString() == pupil)
            .Select(r => $"{r.GetProperty("session").GetString()} {r.GetProperty("code")} {r.GetProperty("markedAt")}")];

    private static (string?, string?) Refusal(GraphQLResponse response) => (response.FirstErrorCode, response.FirstErrorField);

    private static (int, string?) Status(RestResponse response) => (response.Status, response.ProblemField);

    private static (int, int, double?) Tally(JsonElement tally) => (
        tally.GetProperty("possibleSessions").GetInt32(),
        tally.GetProperty("attendedSessions").GetInt32(),
        tally.GetProperty("percent").ValueKind == JsonValueKind.Null ? null : tally.GetProperty("percent").GetDouble());

    private async Task<Dictionary<string, int>> BandsAsync(string la)
    {
        var report = await server.PostAsync(la, "{ report { pupilsInApByAttendanceBand { key count } } }");
        Assert.False(report.HasErrors, report.Body);
        return report.Data.GetProperty("report").GetProperty("pupilsInApByAttendanceBand").EnumerateArray()
            .ToDictionary(c => c.GetProperty("key").GetString()!, c => c.GetProperty("count").GetInt32());
    }

    /// <summary>The feed after a cursor (from the start without one) as the caller sees it, and the cursor to read on from.</summary>
    private async Task<(string Cursor, List<JsonElement> Entries)> FeedAsync(string token, string? after)
    {
        var entries = new List<JsonElement>();
        while (true)
        {
            var page = await server.GetAsync(token, "/api/v1/changes?limit=500" + (after is null ? "" : "&after=" + after));
            Assert.Equal(200, page.Status);
            entries.AddRange(page.Json.GetProperty("entries").EnumerateArray());
            after = page.Json.GetProperty("nextCursor").GetString()!;
            if (!page.Json.GetProperty("hasMore").GetBoolean()) return (after, entries);
        }
    }

    private async Task<List<JsonElement>> AlertsForAsync(string token, string pupil, string session, string date)
    {
        var response = await server.PostAsync(token, "query($date: Date) { notArrivedAlerts(date: $date) { pupil { id } session date subjectId } }", new { date });
        Assert.False(response.HasErrors, response.Body);
        return [.. response.Data.GetProperty("notArrivedAlerts").EnumerateArray()
            .Where(a => a.GetProperty("pupil").GetProperty("id").GetString() == pupil && a.GetProperty("session").GetString() == session)];
    }

    /// <summary>Whether a NOT_ARRIVED entry naming the pupil arrives before the subscriber stops.</summary>
    private static async Task<bool> ReadUntilAsync(System.Diagnostics.Process subscriber, string pupil)
    {
        while (await SubscriberOutput.ReadNextAsync(subscriber) is { } message)
        {
            if (message.ToString().Contains(pupil, StringComparison.Ordinal)) return true;
        }

        return false;
    }
}
