using System.Text.Json;
using ApGrid.Domain;
using ApGrid.Server.Tests.Running;

namespace ApGrid.Server.Tests.Api;

/// <summary>Special-school waiting lists through the API, as the LA, schools, special schools and partners meet them.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class WaitingListApiTests(RunningServerFixture server)
{
    private const string Add = """
        mutation($input: AddToWaitingListInput!) { addToWaitingList(input: $input) { id position status daysWaiting waitingInAp specialSchool { urn } } }
        """;

    private const string Offer = """
        mutation($id: ID!, $reason: String) { offerSpecialSchoolPlace(entryId: $id, reason: $reason) { id status position offerReason } }
        """;

    private const string Respond = """
        mutation($id: ID!, $accepted: Boolean!) { respondToOffer(entryId: $id, accepted: $accepted) { id status position } }
        """;

    private const string SetPlaces = """
        mutation($urn: String!, $places: Int!) { setSpecialSchoolPlaces(urn: $urn, places: $places) { places placesFree } }
        """;

    private const string List = """
        query($urn: String!) { specialSchool(urn: $urn) { places placesFree waitingList { id position status addedOn daysWaiting waitingInAp pupil { id } } } }
        """;

    [Fact]
    public async Task A_pupil_waits_is_offered_out_of_turn_only_by_the_LA_and_accepting_frees_their_other_lists()
    {
        var world = new PlacementWorld(server, "901");
        var la = await world.LaAsync();
        var schoolUrn = (await world.SchoolUrnsAsync())[7];
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn);
        var (a, b) = await TwoSpecialSchoolsAsync(la);
        var specialA = await server.TokenAsync("901", "SPECIAL_SCHOOL_STAFF", a);
        var today = await world.TodayAsync();

        var ahead = await world.RegisterPupilAsync(schoolUrn, yearGroup: 6, sen: "EHC_PLAN");
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 6, sen: "EHC_PLAN");
        Assert.False((await AddAsync(school, ahead, a, today.AddDays(-1000))).HasErrors);
        var added = await AddAsync(school, pupil, a, today.AddDays(-10));
        Assert.False(added.HasErrors, added.Body);
        var entryId = added.Data.GetProperty("addToWaitingList").GetProperty("id").GetString()!;
        Assert.Equal(10, added.Data.GetProperty("addToWaitingList").GetProperty("daysWaiting").GetInt32());
        var otherEntry = (await AddAsync(school, pupil, b, today)).Data.GetProperty("addToWaitingList").GetProperty("id").GetString()!;

        // The special school sees its whole list, numbered 1..n, with our pupil behind the one added 1000 days ago.
        var list = (await server.PostAsync(specialA, List, new { urn = a })).Data.GetProperty("specialSchool");
        var waiting = list.GetProperty("waitingList").EnumerateArray().Where(e => e.GetProperty("status").GetString() == "WAITING").ToList();
        Assert.Equal(Enumerable.Range(1, waiting.Count), waiting.Select(e => e.GetProperty("position").GetInt32()));
        Assert.Equal(ahead, waiting[0].GetProperty("pupil").GetProperty("id").GetString());

        // No free place: refused, and nothing changes.
        var full = list.GetProperty("places").GetInt32() - list.GetProperty("placesFree").GetInt32();
        Assert.False((await server.PostAsync(la, SetPlaces, new { urn = a, places = full })).HasErrors);
        var noPlace = await server.PostAsync(la, Offer, new { id = entryId, reason = "Closest match of need" });
        Assert.Equal(("CAPACITY_EXHAUSTED", "entryId"), (noPlace.FirstErrorCode, noPlace.FirstErrorField));
        Assert.Equal("WAITING", await StatusAsync(la, pupil, a));

        Assert.False((await server.PostAsync(la, SetPlaces, new { urn = a, places = full + 1 })).HasErrors);
        var outOfTurn = await server.PostAsync(specialA, Offer, new { id = entryId, reason = (string?)null });
        Assert.Equal(("CONFLICT", "reason"), (outOfTurn.FirstErrorCode, outOfTurn.FirstErrorField));
        var specialWithReason = await server.PostAsync(specialA, Offer, new { id = entryId, reason = "We prefer this pupil" });
        Assert.Equal(("FORBIDDEN", "reason"), (specialWithReason.FirstErrorCode, specialWithReason.FirstErrorField));
        var fromSchool = await server.PostAsync(school, Offer, new { id = entryId, reason = (string?)null });
        Assert.Equal("FORBIDDEN", fromSchool.FirstErrorCode);

        // The special school's dashboard hears about the offer live.
        using var subscriber = NodeScripts.Start("subscribe.mjs", server.WebSocketUri.ToString(), specialA,
            "subscription($urn: String) { waitingListChanged(specialSchoolUrn: $urn) { id status offerReason } }", "1", "20000",
            JsonSerializer.Serialize(new { urn = a }));
        await SubscriberOutput.WaitForAsync(subscriber, "connected");
        await Task.Delay(300);
        var offered = await server.PostAsync(la, Offer, new { id = entryId, reason = "Closest match of need; sibling on roll" });
        Assert.False(offered.HasErrors, offered.Body);
        var heard = (await SubscriberOutput.ReadNextAsync(subscriber))!.Value.GetProperty("value").GetProperty("data").GetProperty("waitingListChanged");
        Assert.Equal((entryId, "OFFERED"), (heard.GetProperty("id").GetString(), heard.GetProperty("status").GetString()));
        Assert.Equal("Closest match of need; sibling on roll", heard.GetProperty("offerReason").GetString());

        var accepted = await server.PostAsync(school, Respond, new { id = entryId, accepted = true });
        Assert.False(accepted.HasErrors, accepted.Body);
        Assert.Equal("ACCEPTED", accepted.Data.GetProperty("respondToOffer").GetProperty("status").GetString());
        Assert.Equal("REMOVED", await StatusAsync(la, pupil, b));
        Assert.DoesNotContain(otherEntry, await OpenEntryIdsAsync(la, b));
        Assert.Equal(0, (await server.PostAsync(la, List, new { urn = a })).Data.GetProperty("specialSchool").GetProperty("placesFree").GetInt32());

        // The school the pupil took a place at still sees them; the one they left no longer does.
        var specialB = await server.TokenAsync("901", "SPECIAL_SCHOOL_STAFF", b);
        const string Read = "query($id: ID!) { pupil(id: $id) { id waitingListEntries { specialSchool { urn } } } }";
        Assert.Equal("NOT_FOUND", (await server.PostAsync(specialB, Read, new { id = pupil })).FirstErrorCode);
        var fromA = await server.PostAsync(specialA, Read, new { id = pupil });
        Assert.False(fromA.HasErrors, fromA.Body);
        Assert.All(fromA.Data.GetProperty("pupil").GetProperty("waitingListEntries").EnumerateArray(),
            e => Assert.Equal(a, e.GetProperty("specialSchool").GetProperty("urn").GetString()));
    }

    [Fact]
    public async Task Each_role_sees_only_the_entries_it_may_and_other_tenants_none()
    {
        var world = new PlacementWorld(server, "901");
        var la = await world.LaAsync();
        var schoolUrn = (await world.SchoolUrnsAsync())[8];
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn);
        var (a, b) = await TwoSpecialSchoolsAsync(la);
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 9, sen: "EHC_PLAN");
        var entryId = (await AddAsync(school, pupil, a, await world.TodayAsync())).Data.GetProperty("addToWaitingList").GetProperty("id").GetString()!;

        var partner = await server.TokenAsync("901", "PARTNER");
        Assert.Empty((await server.PostAsync(partner, List, new { urn = a })).Data.GetProperty("specialSchool").GetProperty("waitingList").EnumerateArray());
        var otherSpecial = await server.TokenAsync("901", "SPECIAL_SCHOOL_STAFF", b);
        Assert.Empty((await server.PostAsync(otherSpecial, List, new { urn = a })).Data
            .GetProperty("specialSchool").GetProperty("waitingList").EnumerateArray());
        var probe = await server.PostAsync(otherSpecial, Offer, new { id = a + ".w999999", reason = (string?)null });
        Assert.Equal("FORBIDDEN", probe.FirstErrorCode);
        var specialA = await server.TokenAsync("901", "SPECIAL_SCHOOL_STAFF", a);
        var seen = await server.PostAsync(specialA, "query($id: ID!) { pupil(id: $id) { id waitingListEntries { id } } }", new { id = pupil });
        Assert.False(seen.HasErrors, seen.Body);

        // The school sees its own pupil's entry and no one else's.
        var schoolView = (await server.PostAsync(school, List, new { urn = a })).Data.GetProperty("specialSchool").GetProperty("waitingList").EnumerateArray().ToList();
        Assert.Contains(entryId, schoolView.Select(e => e.GetProperty("id").GetString()));
        Assert.All(schoolView, e => Assert.NotNull(e.GetProperty("pupil").GetProperty("id").GetString()));

        using var partnerStream = NodeScripts.Start("subscribe.mjs", server.WebSocketUri.ToString(), partner,
            "subscription { waitingListChanged { id } }", "1", "10000");
        var error = await partnerStream.StandardOutput.ReadToEndAsync();
        Assert.Contains("FORBIDDEN", error, StringComparison.Ordinal);

        var otherLa = await server.TokenAsync("902", "LA_OFFICER");
        var crossTenant = await server.PostAsync(otherLa, Offer, new { id = entryId, reason = "x" });
        Assert.Equal("NOT_FOUND", crossTenant.FirstErrorCode);
        var otherSchool = await server.TokenAsync("901", "SCHOOL_STAFF", (await world.SchoolUrnsAsync())[9]);
        var notTheirs = await server.PostAsync(otherSchool, Respond, new { id = entryId, accepted = false });
        Assert.Equal("NOT_FOUND", notTheirs.FirstErrorCode);
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_adds_nothing()
    {
        var world = new PlacementWorld(server, "902");
        var la = await world.LaAsync();
        var schoolUrn = (await world.SchoolUrnsAsync())[3];
        var (a, _) = await TwoSpecialSchoolsAsync(la);
        var before = await OpenEntryIdsAsync(la, a);
        var noPlan = await world.RegisterPupilAsync(schoolUrn, yearGroup: 4);
        var withPlan = await world.RegisterPupilAsync(schoolUrn, yearGroup: 4, sen: "EHC_PLAN");

        Assert.Equal(("CONFLICT", "pupilId"), Error(await AddAsync(la, noPlan, a, await world.TodayAsync())));
        Assert.Equal(("VALIDATION", "addedOn"), Error(await AddAsync(la, withPlan, a, (await world.TodayAsync()).AddDays(1))));
        Assert.Equal(("VALIDATION", "specialSchoolUrn"), Error(await AddAsync(la, withPlan, "12ab", await world.TodayAsync())));
        Assert.Equal(("NOT_FOUND", "specialSchoolUrn"), Error(await AddAsync(la, withPlan, "999999", await world.TodayAsync())));
        Assert.Equal(before, await OpenEntryIdsAsync(la, a));
    }

    [Fact]
    public async Task The_reports_wait_figures_match_the_lists_and_are_hidden_from_partners_when_few_wait()
    {
        var la = await server.TokenAsync("902", "LA_OFFICER");
        var schools = (await server.PostAsync(la, "{ localAuthority { specialSchools { urn waitingList { daysWaiting waitingInAp status pupil { id } } } } }"))
            .Data.GetProperty("localAuthority").GetProperty("specialSchools").EnumerateArray().ToList();
        var entries = schools.SelectMany(s => s.GetProperty("waitingList").EnumerateArray()).ToList();
        var perPupil = entries
            .GroupBy(e => e.GetProperty("pupil").GetProperty("id").GetString())
            .Select(g => (Days: g.Max(e => e.GetProperty("daysWaiting").GetInt32()), InAp: g.Any(e => e.GetProperty("waitingInAp").GetBoolean())))
            .ToList();
        var sorted = perPupil.Select(p => p.Days).Order().ToList();

        var report = (await server.PostAsync(la, "{ report { specialSchoolWaitMedianDays specialSchoolWaitP90Days pupilsWaitingInAp } }")).Data.GetProperty("report");

        Assert.True(perPupil.Count > 0, "the demo tenant has pupils waiting");
        Assert.Equal(WaitStatistics.Percentile(sorted, 50), report.GetProperty("specialSchoolWaitMedianDays").GetInt32());
        Assert.Equal(WaitStatistics.Percentile(sorted, 90), report.GetProperty("specialSchoolWaitP90Days").GetInt32());
        Assert.Equal(perPupil.Count(p => p.InAp), report.GetProperty("pupilsWaitingInAp").GetInt32());

        var partner = (await server.PostAsync(await server.TokenAsync("902", "PARTNER"), "{ report { specialSchoolWaitMedianDays pupilsWaitingInAp } }")).Data.GetProperty("report");
        Assert.Equal(perPupil.Count < 5 ? JsonValueKind.Null : JsonValueKind.Number, partner.GetProperty("specialSchoolWaitMedianDays").ValueKind);
        var inAp = perPupil.Count(p => p.InAp);
        Assert.Equal(inAp is > 0 and < 5 ? JsonValueKind.Null : JsonValueKind.Number, partner.GetProperty("pupilsWaitingInAp").ValueKind);
    }

    private static (string?, string?) Error(GraphQLResponse response) => (response.FirstErrorCode, response.FirstErrorField);

    private Task<GraphQLResponse> AddAsync(string token, string pupilId, string urn, DateOnly addedOn) =>
        server.PostAsync(token, Add, new { input = new { pupilId, specialSchoolUrn = urn, addedOn = PlacementWorld.Iso(addedOn) } });

    private async Task<(string A, string B)> TwoSpecialSchoolsAsync(string la)
    {
        var urns = (await server.PostAsync(la, "{ localAuthority { specialSchools { urn } } }")).Data
            .GetProperty("localAuthority").GetProperty("specialSchools").EnumerateArray().Select(s => s.GetProperty("urn").GetString()!).ToList();
        return (urns[0], urns[1]);
    }

    private async Task<string> StatusAsync(string la, string pupilId, string urn)
    {
        var pupil = await server.PostAsync(la, "query($id: ID!) { pupil(id: $id) { waitingListEntries { status specialSchool { urn } } } }", new { id = pupilId });
        return pupil.Data.GetProperty("pupil").GetProperty("waitingListEntries").EnumerateArray()
            .Single(e => e.GetProperty("specialSchool").GetProperty("urn").GetString() == urn).GetProperty("status").GetString()!;
    }

    private async Task<List<string>> OpenEntryIdsAsync(string la, string urn) =>
        [.. (await server.PostAsync(la, List, new { urn })).Data.GetProperty("specialSchool").GetProperty("waitingList").EnumerateArray()
            .Select(e => e.GetProperty("id").GetString()!).Order()];
}
