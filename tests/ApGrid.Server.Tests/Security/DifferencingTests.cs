using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using ApGrid.Domain;
using ApGrid.Server.Tests.Api;
using ApGrid.Server.Tests.Rest;
using static ApGrid.Server.Tests.Running.WsFrames;

namespace ApGrid.Server.Tests.Security;

/// <summary>
/// Issue 29, leak 3: a partner who watches every figure they are shown, over GraphQL HTTP, WebSocket
/// and REST, while single placements start and end, must learn nothing about any one child. Within
/// a publication period nothing they see moves at all (the LA's live figures do); across periods
/// every count is rounded or withheld, and no withheld count follows from the others.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class DifferencingTests(RunningServerFixture server)
{
    private const string Tenant = "901";
    private static readonly string[] Sessions = ["MON_AM", "TUE_AM"];

    /// <summary>Every figure of the report and of every setting's capacity, in fields the contract has always had.</summary>
    private const string Figures = """
        { report {
            asOf pupilsInApByAge { key count } pupilsInApByAttendance { key count } outcomes { key count }
            lengthOfStay { firstYearGroup pupils lastYearGroupShares { yearGroup percent } } ongoingStays { firstYearGroup pupils }
            pupilsInApByAgeAndType { apType pupils byAge { key count } } placementsByTier { key count } pupilsInApByAttendanceBand { key count }
            ehcpFinalIssued ehcpIssuedWithin20WeeksPercent ehcpTimeliness { finalIssued excludedByException issuedWithin20Weeks issuedWithin20WeeksPercent }
            specialSchoolWaitMedianDays specialSchoolWaitP90Days pupilsWaitingInAp outreachHoursAllocated }
          apCapacity { setting { urn fullTimePlaces fullTimePlacesFree sessions { session places free } outreachHoursPerWeek outreachHoursFree updatedAt } } }
        """;

    [Fact]
    public async Task Starting_and_ending_single_placements_moves_no_partner_figure_in_a_way_that_reveals_a_child()
    {
        var world = new PlacementWorld(server, Tenant);
        var la = await world.LaAsync();
        var partner = await server.TokenAsync(Tenant, "PARTNER");
        var schoolUrn = (await world.SchoolUrnsAsync())[0];
        var apUrn = await world.SettingAsync(school: true, "KS3");
        var sentinelUrn = (await server.ApSettingUrnsAsync(Tenant)).First(u => u != apUrn);

        var pupilId = await world.RegisterPupilAsync(schoolUrn, yearGroup: 8);
        var referralId = await world.ReferAsync(pupilId, schoolUrn);
        // Seven free: one start leaves six, both "at least 5" outside the LA; the LA sees 7 → 6.
        await world.SetFreeSessionsAsync(apUrn, 7, Sessions);
        var start = await world.AdvancePastNoticeAsync(schoolUrn);
        await AwayFromMidnightAsync();

        // A single start.
        var placementId = await WatchAsync(world, la, partner, apUrn, sentinelUrn, async () =>
        {
            var started = await world.StartAsync(referralId, apUrn, start, fullTime: false, Sessions);
            Assert.False(started.HasErrors, started.Body);
            return started.Data.GetProperty("startPlacement").GetProperty("id").GetString()!;
        }, laFreeBefore: 7, laFreeAfter: 6);
        await world.AdvanceDaysAsync(1);
        await AwayFromMidnightAsync();
        await AssertPublishedUnderDisclosureControlAsync(la, partner);

        // A single end.
        await WatchAsync(world, la, partner, apUrn, sentinelUrn, async () =>
        {
            var ended = await server.PostAsync(la, "mutation($id: ID!, $on: Date!) { endPlacement(input: { placementId: $id, endDate: $on, outcome: RETURNED_TO_MAINSTREAM }) { status } }",
                new { id = placementId, on = PlacementWorld.Iso(await world.TodayAsync()) });
            Assert.False(ended.HasErrors, ended.Body);
            return placementId;
        }, laFreeBefore: 6, laFreeAfter: 7);
        await world.AdvanceDaysAsync(1);
        await AssertPublishedUnderDisclosureControlAsync(la, partner);
    }

    /// <summary>
    /// Reads everything the partner sees, makes the change, and reads it all again: the LA's figures
    /// move, the partner's do not, on any transport, and neither subscription nor feed tells them
    /// anything happened at the setting (a later change elsewhere arrives, so the silence is not a dead socket).
    /// </summary>
    private async Task<string> WatchAsync(PlacementWorld world, string la, string partner, string apUrn, string sentinelUrn, Func<Task<string>> change, int laFreeBefore, int laFreeAfter)
    {
        using var socket = await OpenAsync(partner);
        await SendAsync(socket, new { id = "capacity", type = "subscribe", payload = new { query = "subscription { capacityChanged { urn fullTimePlacesFree sessions { session free } } }" } });
        await SendAsync(socket, new { id = "feed", type = "subscribe", payload = new { query = "subscription { changes(kinds: [CAPACITY]) { cursor subjectId fields { field from to } } }" } });
        var feedCursor = await LatestCursorAsync(partner);
        var laReportBefore = (await server.PostAsync(la, "{ report { pupilsInApByAge { key count } } }")).Body;

        var before = await ReadEverythingAsync(partner);
        Assert.Equal(laFreeBefore, PlacementWorld.Free(await world.SettingAsync(apUrn), Sessions[0]));

        var subject = await change();

        // The LA sees it at once: the figures are live for the LA, so the partner's silence is the control, not a stale server.
        Assert.Equal(laFreeAfter, PlacementWorld.Free(await world.SettingAsync(apUrn), Sessions[0]));
        Assert.NotEqual(laReportBefore, (await server.PostAsync(la, "{ report { pupilsInApByAge { key count } } }")).Body);

        var after = await ReadEverythingAsync(partner);
        foreach (var (transport, figures) in before)
        {
            Assert.True(figures == after[transport], $"{transport}: a partner's figures moved with a single placement.\nbefore: {figures}\nafter:  {after[transport]}");
        }

        // A change the partner may see, elsewhere, after the placement's: everything before it has been delivered.
        await ChangeSentinelAsync(world, sentinelUrn);
        foreach (var (id, delivered) in await UntilSentinelAsync(socket, ["capacity", "feed"], sentinelUrn))
        {
            Assert.True(!delivered.Any(d => d.Contains(apUrn, StringComparison.Ordinal)), $"{id}: the partner was told of the change at the setting: {string.Join("\n", delivered)}");
        }

        var polled = await ReadFeedAsync(partner, feedCursor);
        Assert.DoesNotContain(polled, e => e.GetProperty("subjectId").GetString() == apUrn);
        Assert.Contains(polled, e => e.GetProperty("subjectId").GetString() == sentinelUrn);
        return subject;
    }

    private async Task<Dictionary<string, string>> ReadEverythingAsync(string partner)
    {
        var http = await server.PostAsync(partner, Figures);
        Assert.False(http.HasErrors, http.Body);
        using var socket = await OpenAsync(partner);
        await SendAsync(socket, new { id = "q", type = "subscribe", payload = new { query = Figures } });
        JsonElement next;
        do next = await ReceiveAsync(socket);
        while (next.GetProperty("type").GetString() == "ping");
        Assert.Equal("next", next.GetProperty("type").GetString());
        return new()
        {
            ["GraphQL over HTTP"] = http.Data.GetRawText(),
            ["GraphQL over WebSocket"] = next.GetProperty("payload").GetProperty("data").GetRawText(),
            ["REST report"] = (await server.GetAsync(partner, "/api/v1/report")).Body,
            ["REST settings"] = (await server.GetAsync(partner, "/api/v1/ap-settings")).Body,
            ["REST capacity"] = (await server.GetAsync(partner, "/api/v1/capacity")).Body,
        };
    }

    /// <summary>
    /// The published figures after a period has turned: no count under 5 shown (zero included), every
    /// count a multiple of 5, and none withheld that the lists counting the same children give away.
    /// Compared with the LA's live figures, which are what the snapshot was just taken from.
    /// </summary>
    private async Task AssertPublishedUnderDisclosureControlAsync(string la, string partner)
    {
        const string query = """
            { report { publishedAt pupilsInApByAge { key count } pupilsInApByHours { key count } pupilsInApByAttendanceBand { key count }
              ongoingStays { firstYearGroup pupils } outcomes { key count } placementsByTier { key count }
              pupilsInApByAgeAndType { apType pupils byAge { key count } } finishedStays { firstYearGroup pupils } ehcpFinalIssued pupilsWaitingInAp }
              apCapacity { setting { urn fullTimePlaces fullTimePlacesFree placesInUse placesInUseBand sessions { places free inUse inUseBand } } } }
            """;
        var published = await server.PostAsync(partner, query);
        var live = await server.PostAsync(la, query);
        Assert.False(published.HasErrors, published.Body);
        Assert.False(live.HasErrors, live.Body);
        var report = published.Data.GetProperty("report");
        var laReport = live.Data.GetProperty("report");
        Assert.Equal(JsonValueKind.String, report.GetProperty("publishedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, laReport.GetProperty("publishedAt").ValueKind);

        foreach (var count in AllCounts(report))
        {
            if (count.ValueKind == JsonValueKind.Null) continue;
            Assert.True(count.GetInt32() >= DisclosureControl.SmallestShownCount && count.GetInt32() % DisclosureControl.RoundingBase == 0, published.Body);
        }

        // Pupils in AP now, four ways: by age, by hours, by attendance band, by first year group of stays still going.
        var lists = new[]
        {
            List(report, "pupilsInApByAge", "key", "count"), List(report, "pupilsInApByHours", "key", "count"),
            List(report, "pupilsInApByAttendanceBand", "key", "count"), List(report, "ongoingStays", "firstYearGroup", "pupils"),
        };
        var laLists = new[]
        {
            List(laReport, "pupilsInApByAge", "key", "count"), List(laReport, "pupilsInApByHours", "key", "count"),
            List(laReport, "pupilsInApByAttendanceBand", "key", "count"), List(laReport, "ongoingStays", "firstYearGroup", "pupils"),
        };
        for (var i = 0; i < lists.Length; i++)
        {
            foreach (var (key, shown) in lists[i])
            {
                var exact = laLists[i].GetValueOrDefault(key) ?? 0;
                if (exact < DisclosureControl.SmallestShownCount) Assert.Null(shown);
                else if (shown is { } value) Assert.Equal(DisclosureControl.Round(exact), value);
            }
        }

        // Solve the published sums as an attacker would: the four lists share one total.
        var table = lists.Select(l => CountTable.OneWay([.. l.Values.Select(_ => 0)], totalPublished: false)).Aggregate((a, b) => a.With(b));
        var totals = new List<int>();
        var at = 0;
        foreach (var list in lists)
        {
            at += list.Count;
            totals.Add(at + totals.Count);
        }

        table = totals.Skip(1).Aggregate(table, (t, total) => t.Same(totals[0], total));
        var withheld = new HashSet<int>(table.Hidden);
        var index = 0;
        foreach (var list in lists)
        {
            foreach (var value in list.Values)
            {
                if (value is null) withheld.Add(index);
                index++;
            }

            index++;
        }

        // Hidden totals may be worked out (they are only unprinted); no withheld count may.
        Assert.Empty(DisclosureControl.Recoverable(table with { Counts = [.. table.Counts.Select((_, i) => table.Hidden.Contains(i) ? 100 : 0)] }, withheld));

        // Per setting: never places in use, only their band; free places as "at least" steps.
        foreach (var setting in published.Data.GetProperty("apCapacity").EnumerateArray().Select(m => m.GetProperty("setting")))
        {
            Assert.Equal(JsonValueKind.Null, setting.GetProperty("placesInUse").ValueKind);
            Assert.Contains(setting.GetProperty("fullTimePlacesFree").GetInt32(), new[] { 0, 1 }.Concat(Enumerable.Range(1, 40).Select(n => n * 5)));
            foreach (var session in setting.GetProperty("sessions").EnumerateArray())
            {
                Assert.Equal(JsonValueKind.Null, session.GetProperty("inUse").ValueKind);
                Assert.True(session.GetProperty("free").GetInt32() is 0 or 1 || session.GetProperty("free").GetInt32() % 5 == 0, setting.GetRawText());
            }
        }

        Assert.All(live.Data.GetProperty("apCapacity").EnumerateArray(), m => Assert.Equal(JsonValueKind.Number, m.GetProperty("setting").GetProperty("placesInUse").ValueKind));
    }

    private static IEnumerable<JsonElement> AllCounts(JsonElement report) =>
        new[] { "pupilsInApByAge", "pupilsInApByHours", "pupilsInApByAttendanceBand", "outcomes", "placementsByTier" }
            .SelectMany(l => report.GetProperty(l).EnumerateArray().Select(c => c.GetProperty("count")))
            .Concat(report.GetProperty("ongoingStays").EnumerateArray().Select(r => r.GetProperty("pupils")))
            .Concat(report.GetProperty("finishedStays").EnumerateArray().Select(r => r.GetProperty("pupils")))
            .Concat(report.GetProperty("pupilsInApByAgeAndType").EnumerateArray().SelectMany(r => r.GetProperty("byAge").EnumerateArray().Select(a => a.GetProperty("count")).Append(r.GetProperty("pupils"))))
            .Append(report.GetProperty("ehcpFinalIssued"))
            .Append(report.GetProperty("pupilsWaitingInAp"));

    private static Dictionary<string, int?> List(JsonElement report, string name, string key, string count) =>
        report.GetProperty(name).EnumerateArray().ToDictionary(
            c => c.GetProperty(key).ToString(),
            c => c.GetProperty(count).ValueKind == JsonValueKind.Null ? (int?)null : c.GetProperty(count).GetInt32());

    /// <summary>Ten more full-time places at another setting: a change every partner is shown.</summary>
    private async Task ChangeSentinelAsync(PlacementWorld world, string urn)
    {
        var setting = await world.SettingAsync(urn);
        var response = await server.PostAsync(await world.LaAsync(), "mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { urn } }", new
        {
            input = new
            {
                urn,
                fullTimePlaces = setting.GetProperty("fullTimePlaces").GetInt32() + 10,
                sessions = setting.GetProperty("sessions").EnumerateArray().Select(s => new { session = s.GetProperty("session").GetString(), places = s.GetProperty("places").GetInt32() }).ToArray(),
                outreachHoursPerWeek = setting.GetProperty("outreachHoursPerWeek").GetDouble(),
            },
        });
        Assert.False(response.HasErrors, response.Body);
    }

    /// <summary>Each subscription's messages up to and including the sentinel's, as raw text.</summary>
    private static async Task<Dictionary<string, List<string>>> UntilSentinelAsync(ClientWebSocket socket, string[] ids, string sentinelUrn)
    {
        var seen = ids.ToDictionary(id => id, _ => new List<string>());
        var done = new HashSet<string>();
        while (done.Count < ids.Length)
        {
            var message = await ReceiveAsync(socket);
            if (message.GetProperty("type").GetString() != "next") continue;
            var id = message.GetProperty("id").GetString()!;
            seen[id].Add(message.GetRawText());
            if (message.GetRawText().Contains(sentinelUrn, StringComparison.Ordinal)) done.Add(id);
        }

        return seen;
    }

    private Task<ClientWebSocket> OpenAsync(string token) => AcknowledgedAsync(server.WebSocketUri, token);

    private async Task<string> LatestCursorAsync(string token)
    {
        var after = "0";
        while (true)
        {
            var page = (await server.GetAsync(token, $"/api/v1/changes?after={after}&limit=500")).Json;
            after = page.GetProperty("nextCursor").GetString()!;
            if (!page.GetProperty("hasMore").GetBoolean()) return after;
        }
    }

    private async Task<List<JsonElement>> ReadFeedAsync(string token, string after)
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

    /// <summary>Reads taken either side of midnight UTC would fall in two publication periods: keep clear of it.</summary>
    private async Task AwayFromMidnightAsync()
    {
        var now = (await server.Http.GetFromJsonAsync<JsonElement>("/dev/clock")).GetProperty("now").GetDateTimeOffset().UtcDateTime;
        if (now.TimeOfDay < TimeSpan.FromHours(23.5)) return;
        using var response = await server.Http.PostAsJsonAsync("/dev/clock", new { advanceMinutes = 45 });
        response.EnsureSuccessStatusCode();
    }
}
