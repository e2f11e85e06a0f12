using System.Globalization;
using System.Text.Json;
using ApGrid.Server.Tests.Api;

namespace ApGrid.Server.Tests.Rest;

/// <summary>
/// Each action on the change feed carries what changed, as each role may see it: LA officers get
/// the pupil's values, other roles get no pupil entries at all, and capacity (a setting's public
/// offer) reads the same for everyone.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class ChangeDetailsRestTests(RunningServerFixture server)
{
    private const string Tenant = "902";

    [Fact]
    public async Task Every_action_of_a_placement_journey_says_what_changed_who_changed_it_and_only_the_LA_gets_pupil_values()
    {
        var world = new PlacementWorld(server, Tenant);
        var la = await world.LaAsync();
        // A school with no pupils yet: a demo pupil's not-arrived alert would be its school's to see.
        var schoolUrn = "";
        foreach (var urn in (await world.SchoolUrnsAsync()).Skip(3))
        {
            var pupils = (await server.PostAsync(la, "query($urn: String!) { school(urn: $urn) { pupils { id } } }", new { urn })).Data.GetProperty("school").GetProperty("pupils");
            if (pupils.GetArrayLength() == 0) { schoolUrn = urn; break; }
        }

        var cursor = await LatestCursorAsync(la);
        var partner = await server.TokenAsync(Tenant, "PARTNER");
        var school = await server.TokenAsync(Tenant, "SCHOOL_STAFF", schoolUrn);
        var starts = new Dictionary<string, string> { [partner] = await LatestCursorAsync(partner), [school] = await LatestCursorAsync(school) };

        // Capacity, changed by the setting's own staff over REST.
        var apUrn = "";
        foreach (var urn in await server.ApSettingUrnsAsync(Tenant))
        {
            if ((await world.SettingAsync(urn)).GetProperty("keyStages").EnumerateArray().Any(k => k.GetString() == "KS3")) apUrn = urn;
        }

        var ap = await server.TokenAsync(Tenant, "AP_STAFF", apUrn);
        starts[ap] = await LatestCursorAsync(ap);
        var setting = (await server.GetAsync(ap, $"/api/v1/ap-settings/{apUrn}")).Json;
        var hours = setting.GetProperty("outreachHoursPerWeek").GetDouble();
        var put = await server.PutAsync(ap, $"/api/v1/ap-settings/{apUrn}/availability", JsonSerializer.Serialize(new
        {
            fullTimePlaces = setting.GetProperty("fullTimePlaces").GetInt32(),
            sessions = setting.GetProperty("sessions").EnumerateArray().Select(s => new { session = s.GetProperty("session").GetString(), places = s.GetProperty("places").GetInt32() }),
            outreachHoursPerWeek = hours + 1,
        }));
        Assert.Equal(200, put.Status);

        // A referral: submitted and consented by the school, approved by the LA; then the placement's whole life.
        var pupilId = await world.RegisterPupilAsync(schoolUrn, yearGroup: 8);
        var referralId = await world.ReferAsync(pupilId, schoolUrn);
        string[] sessions = ["MON_AM", "WED_AM"];
        await world.EnsureFreeSessionsAsync(apUrn, sessions);
        var start = await world.AdvancePastNoticeAsync(schoolUrn);
        var started = await world.StartAsync(referralId, apUrn, start, fullTime: false, sessions);
        Assert.False(started.HasErrors, started.Body);
        var placementId = started.Data.GetProperty("startPlacement").GetProperty("id").GetString()!;
        var reviewed = await server.PostAsync(ap, """
            mutation($id: ID!, $on: Date!) { recordPlacementReview(input: { placementId: $id, date: $on, attendancePercent: 90, suspensions: 0, participation: 4, wellbeing: 4 }) { id } }
            """, new { id = placementId, on = PlacementWorld.Iso(start) });
        Assert.False(reviewed.HasErrors, reviewed.Body);
        var ended = await server.PostAsync(la, """
            mutation($id: ID!, $on: Date!) { endPlacement(input: { placementId: $id, endDate: $on, outcome: RETURNED_TO_MAINSTREAM }) { id } }
            """, new { id = placementId, on = PlacementWorld.Iso(start) });
        Assert.False(ended.HasErrors, ended.Body);

        // An EHC request dated 43 days ago: the 6-week decision is already overdue, and the sweep (every 2 s here) raises it.
        var ehcPupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 8);
        var requestedOn = (await world.TodayAsync()).AddDays(-43);
        var requested = await server.PostAsync(la, "mutation($id: ID!, $on: Date!) { requestEhcAssessment(pupilId: $id, requestedOn: $on) { stage } }",
            new { id = ehcPupil, on = PlacementWorld.Iso(requestedOn) });
        Assert.False(requested.HasErrors, requested.Body);

        var entries = await PollUntilAsync(la, cursor, e => Action(e) == "DEADLINE_OVERDUE" && e.GetProperty("subjectId").GetString()!.StartsWith(ehcPupil + "#", StringComparison.Ordinal));
        JsonElement Only(string action, string subject) => Assert.Single(entries, e => Action(e) == action && e.GetProperty("subjectId").GetString() == subject);

        // The first of the setting's entries: the journey's reservations and releases follow.
        var capacity = entries.First(e => Action(e) == "CAPACITY_CHANGED" && e.GetProperty("subjectId").GetString() == apUrn);
        Assert.Equal("AP_STAFF", capacity.GetProperty("actorRole").GetString());
        Assert.Equal(("outreachHoursPerWeek", Number(hours), Number(hours + 1)), Assert.Single(Fields(capacity), f => f.Field == "outreachHoursPerWeek"));
        Assert.Contains("full-time places free", capacity.GetProperty("summary").GetString(), StringComparison.Ordinal);

        var submitted = Only("REFERRAL_SUBMITTED", referralId);
        Assert.Equal("SCHOOL_STAFF", submitted.GetProperty("actorRole").GetString());
        Assert.Contains(("status", null, "SUBMITTED"), Fields(submitted));
        // Consent is one update; the placement's start links the referral to it in another.
        var updates = entries.Where(e => Action(e) == "REFERRAL_UPDATED" && e.GetProperty("subjectId").GetString() == referralId).SelectMany(Fields).ToList();
        Assert.Contains(("parentalConsent", "false", "true"), updates);
        var decided = Only("REFERRAL_DECIDED", referralId);
        Assert.Equal("LA_OFFICER", decided.GetProperty("actorRole").GetString());
        Assert.Contains(("status", "SUBMITTED", "APPROVED"), Fields(decided));

        var placementStarted = Only("PLACEMENT_STARTED", placementId);
        Assert.Contains(("setting", null, apUrn), Fields(placementStarted));
        Assert.Contains(("sessions", null, "MON_AM,WED_AM"), Fields(placementStarted));
        var placementReviewed = Only("PLACEMENT_UPDATED", placementId);
        Assert.Equal("AP_STAFF", placementReviewed.GetProperty("actorRole").GetString());
        Assert.Equal([("reviews", "0", "1")], Fields(placementReviewed));
        var placementEnded = Only("PLACEMENT_ENDED", placementId);
        Assert.Contains(("outcome", null, "RETURNED_TO_MAINSTREAM"), Fields(placementEnded));
        Assert.Contains(("status", "ACTIVE", "ENDED"), Fields(placementEnded));

        Assert.Contains(("stage", null, "REQUESTED"), Fields(Only("EHCP_STAGE_CHANGED", ehcPupil)));
        var overdue = Assert.Single(entries, e => Action(e) == "DEADLINE_OVERDUE" && e.GetProperty("subjectId").GetString()!.StartsWith(ehcPupil + "#", StringComparison.Ordinal));
        Assert.Equal(PlacementWorld.Iso(requestedOn.AddDays(42)), overdue.GetProperty("dueOn").GetString());
        Assert.Equal(JsonValueKind.Null, overdue.GetProperty("actorRole").ValueKind);
        Assert.Contains(("deadline", null, "DECISION"), Fields(overdue));

        // Summaries of pupil entries name nobody: not the pupil's id, not their initials.
        foreach (var entry in entries.Where(e => e.GetProperty("kind").GetString() != "CAPACITY"))
        {
            var summary = entry.GetProperty("summary").GetString()!;
            Assert.DoesNotContain(pupilId, summary, StringComparison.Ordinal);
            Assert.DoesNotContain("TW", summary, StringComparison.Ordinal);
        }

        // Other roles: no pupil entry at all, each with cursors of its own. The setting's own staff read its
        // capacity as the LA does; everyone else gets the offer exactly and free places only as shown outside the LA (docs/security.md).
        foreach (var token in new[] { ap, partner, school })
        {
            var theirs = await ReadAllAsync(token, starts[token]);
            Assert.All(theirs, e => Assert.Equal("CAPACITY", e.GetProperty("kind").GetString()));
            var seen = Assert.Single(theirs, e => e.GetProperty("subjectId").GetString() == apUrn && e.GetProperty("at").GetString() == capacity.GetProperty("at").GetString());
            if (token == ap)
            {
                Assert.Equal(Without(capacity, "cursor"), Without(seen, "cursor"));
                continue;
            }

            Assert.Contains(("outreachHoursPerWeek", Number(hours), Number(hours + 1)), Fields(seen));
            Assert.DoesNotContain("full-time places free", seen.GetProperty("summary").GetString(), StringComparison.Ordinal);
            Assert.All(Fields(seen).Where(f => f.Field.EndsWith("ree", StringComparison.Ordinal)), f => Assert.NotEqual(f.From, f.To));
        }
    }

    private static string Without(JsonElement entry, string property) =>
        JsonSerializer.Serialize(entry.EnumerateObject().Where(p => p.Name != property).ToDictionary(p => p.Name, p => p.Value));

    private static string? Action(JsonElement entry) => entry.GetProperty("action").GetString();

    private static List<(string Field, string? From, string? To)> Fields(JsonElement entry) =>
        [.. entry.GetProperty("fields").EnumerateArray().Select(f => (f.GetProperty("field").GetString()!, f.GetProperty("from").GetString(), f.GetProperty("to").GetString()))];

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private async Task<string> LatestCursorAsync(string token)
    {
        string? after = null;
        while (true)
        {
            var page = (await server.GetAsync(token, after is null ? "/api/v1/changes?limit=500" : $"/api/v1/changes?after={after}&limit=500")).Json;
            after = page.GetProperty("nextCursor").GetString()!;
            if (!page.GetProperty("hasMore").GetBoolean()) return after;
        }
    }

    private async Task<List<JsonElement>> ReadAllAsync(string token, string after)
    {
        var all = new List<JsonElement>();
        while (true)
        {
            var page = (await server.GetAsync(token, $"/api/v1/changes?after={after}&limit=500")).Json;
            all.AddRange(page.GetProperty("entries").EnumerateArray().Select(e => e.Clone()));
            after = page.GetProperty("nextCursor").GetString()!;
            if (!page.GetProperty("hasMore").GetBoolean()) return all;
        }
    }

    private async Task<List<JsonElement>> PollUntilAsync(string token, string after, Func<JsonElement, bool> found)
    {
        for (var i = 0; i < 60; i++)
        {
            var entries = await ReadAllAsync(token, after);
            if (entries.Any(found)) return entries;
            await Task.Delay(500);
        }

        throw new TimeoutException("The change never reached the feed.");
    }
}
