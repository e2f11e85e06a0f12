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

    /// <summary>The smoke journey: a pupil waits, the LA offers, the school accepts, the other list lets them go.</summary>
    [Fact]
    public async Task A_pupil_waits_is_offered_a_place_by_the_LA_and_accepts_it()
    {
        var w = await TwoWaitingAsync();
        await FreePlaceAtAsync(w.La, w.A);

        var offered = await server.PostAsync(w.La, Offer, new { id = w.EntryId, reason = "Closest match of need" });
        Assert.False(offered.HasErrors, offered.Body);
        Assert.Equal("OFFERED", offered.Data.GetProperty("offerSpecialSchoolPlace").GetProperty("status").GetString());
        var accepted = await server.PostAsync(w.School, Respond, new { id = w.EntryId, accepted = true });

        Assert.False(accepted.HasErrors, accepted.Body);
        Assert.Equal("ACCEPTED", accepted.Data.GetProperty("respondToOffer").GetProperty("status").GetString());
        Assert.Equal("REMOVED", await StatusAsync(w.La, w.Pupil, w.B));
    }

    [Fact]
    public async Task An_added_entry_counts_its_days_from_the_date_given()
    {
        var w = await TwoWaitingAsync();

        var entry = (await server.PostAsync(w.La, List, new { urn = w.A })).Data.GetProperty("specialSchool").GetProperty("waitingList").EnumerateArray()
            .Single(e => e.GetProperty("id").GetString() == w.EntryId);

        Assert.Equal(10, entry.GetProperty("daysWaiting").GetInt32());
    }

    [Fact]
    public async Task The_special_school_sees_its_whole_list_numbered_from_one_in_order_of_joining()
    {
        var w = await TwoWaitingAsync();
        var first = await World901.RegisterPupilAsync(await SchoolUrnAsync(), yearGroup: 6, sen: "EHC_PLAN");
        var longest = (await server.PostAsync(w.La, List, new { urn = w.A })).Data.GetProperty("specialSchool").GetProperty("waitingList").EnumerateArray()
            .Max(e => e.GetProperty("daysWaiting").GetInt32());
        // Added (by the LA: a school backdates only a few days) before everyone already waiting, so it must head the list.
        Assert.False((await AddAsync(w.La, first, w.A, w.Today.AddDays(-longest - 1))).HasErrors);

        var list = (await server.PostAsync(w.SpecialA, List, new { urn = w.A })).Data.GetProperty("specialSchool");
        var waiting = list.GetProperty("waitingList").EnumerateArray().Where(e => e.GetProperty("status").GetString() == "WAITING").ToList();

        Assert.Equal(Enumerable.Range(1, waiting.Count), waiting.Select(e => e.GetProperty("position").GetInt32()));
        Assert.Equal(first, waiting[0].GetProperty("pupil").GetProperty("id").GetString());
        Assert.Contains(w.Pupil, waiting.Select(e => e.GetProperty("pupil").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task An_offer_with_no_free_place_is_refused_and_changes_nothing()
    {
        var w = await TwoWaitingAsync();
        var list = (await server.PostAsync(w.La, List, new { urn = w.A })).Data.GetProperty("specialSchool");
        var taken = list.GetProperty("places").GetInt32() - list.GetProperty("placesFree").GetInt32();
        Assert.False((await server.PostAsync(w.La, SetPlaces, new { urn = w.A, places = taken })).HasErrors);

        var noPlace = await server.PostAsync(w.La, Offer, new { id = w.EntryId, reason = "Closest match of need" });

        Assert.Equal(("CAPACITY_EXHAUSTED", "entryId"), (noPlace.FirstErrorCode, noPlace.FirstErrorField));
        Assert.Equal("WAITING", await StatusAsync(w.La, w.Pupil, w.A));
    }

    [Fact]
    public async Task The_special_school_may_offer_only_in_turn_and_never_out_of_turn_with_a_reason()
    {
        var w = await TwoWaitingAsync();
        await FreePlaceAtAsync(w.La, w.A);

        var outOfTurn = await server.PostAsync(w.SpecialA, Offer, new { id = w.EntryId, reason = (string?)null });
        var withReason = await server.PostAsync(w.SpecialA, Offer, new { id = w.EntryId, reason = "We prefer this pupil" });

        Assert.Equal(("CONFLICT", "reason"), (outOfTurn.FirstErrorCode, outOfTurn.FirstErrorField));
        Assert.Equal(("FORBIDDEN", "reason"), (withReason.FirstErrorCode, withReason.FirstErrorField));
        Assert.Equal("WAITING", await StatusAsync(w.La, w.Pupil, w.A));
    }

    [Fact]
    public async Task The_pupils_own_school_may_not_offer_a_place()
    {
        var w = await TwoWaitingAsync();
        await FreePlaceAtAsync(w.La, w.A);

        var fromSchool = await server.PostAsync(w.School, Offer, new { id = w.EntryId, reason = (string?)null });

        Assert.Equal("FORBIDDEN", fromSchool.FirstErrorCode);
        Assert.Equal("WAITING", await StatusAsync(w.La, w.Pupil, w.A));
    }

    [Fact]
    public async Task The_special_schools_dashboard_hears_of_an_offer_live_with_its_reason()
    {
        var w = await TwoWaitingAsync();
        await FreePlaceAtAsync(w.La, w.A);
        using var subscriber = NodeScripts.Start("subscribe.mjs", server.WebSocketUri.ToString(), w.SpecialA,
            "subscription($urn: String) { waitingListChanged(specialSchoolUrn: $urn) { id status offerReason } }", "100", "30000",
            JsonSerializer.Serialize(new { urn = w.A }));
        try
        {
            await SubscriberOutput.WaitForAsync(subscriber, "connected");
            await UntilLiveAsync(subscriber, w);

            var offered = await server.PostAsync(w.La, Offer, new { id = w.EntryId, reason = "Closest match of need; sibling on roll" });
            Assert.False(offered.HasErrors, offered.Body);

            // Probes added after the one heard may still arrive first; the offer is the first event for our entry.
            JsonElement heard;
            do
            {
                heard = (await SubscriberOutput.ReadNextAsync(subscriber))!.Value.GetProperty("value").GetProperty("data").GetProperty("waitingListChanged");
            }
            while (heard.GetProperty("id").GetString() != w.EntryId);

            Assert.Equal("OFFERED", heard.GetProperty("status").GetString());
            Assert.Equal("Closest match of need; sibling on roll", heard.GetProperty("offerReason").GetString());
        }
        finally
        {
            if (!subscriber.HasExited) subscriber.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task Accepting_an_offer_takes_the_place_and_removes_the_pupil_from_their_other_lists()
    {
        var w = await TwoWaitingAsync();
        await FreePlaceAtAsync(w.La, w.A);
        Assert.False((await server.PostAsync(w.La, Offer, new { id = w.EntryId, reason = "Closest match of need" })).HasErrors);

        var accepted = await server.PostAsync(w.School, Respond, new { id = w.EntryId, accepted = true });

        Assert.False(accepted.HasErrors, accepted.Body);
        Assert.Equal("ACCEPTED", accepted.Data.GetProperty("respondToOffer").GetProperty("status").GetString());
        Assert.Equal("REMOVED", await StatusAsync(w.La, w.Pupil, w.B));
        Assert.DoesNotContain(w.OtherEntry, await OpenEntryIdsAsync(w.La, w.B));
        Assert.Equal(0, (await server.PostAsync(w.La, List, new { urn = w.A })).Data.GetProperty("specialSchool").GetProperty("placesFree").GetInt32());
    }

    [Fact]
    public async Task After_accepting_only_the_special_school_that_took_the_pupil_still_sees_them()
    {
        var w = await TwoWaitingAsync();
        await FreePlaceAtAsync(w.La, w.A);
        Assert.False((await server.PostAsync(w.La, Offer, new { id = w.EntryId, reason = "Closest match of need" })).HasErrors);
        Assert.False((await server.PostAsync(w.School, Respond, new { id = w.EntryId, accepted = true })).HasErrors);
        var specialB = await server.TokenAsync("901", "SPECIAL_SCHOOL_STAFF", w.B);
        const string Read = "query($id: ID!) { pupil(id: $id) { id waitingListEntries { specialSchool { urn } } } }";

        var fromB = await server.PostAsync(specialB, Read, new { id = w.Pupil });
        var fromA = await server.PostAsync(w.SpecialA, Read, new { id = w.Pupil });

        Assert.Equal("NOT_FOUND", fromB.FirstErrorCode);
        Assert.False(fromA.HasErrors, fromA.Body);
        Assert.All(fromA.Data.GetProperty("pupil").GetProperty("waitingListEntries").EnumerateArray(),
            e => Assert.Equal(w.A, e.GetProperty("specialSchool").GetProperty("urn").GetString()));
    }

    [Fact]
    public async Task A_partner_sees_no_waiting_entries()
    {
        var (_, a, _, _, _) = await OneWaitingAsync();
        var partner = await server.TokenAsync("901", "PARTNER");

        var list = await server.PostAsync(partner, List, new { urn = a });

        Assert.False(list.HasErrors, list.Body);
        Assert.Empty(list.Data.GetProperty("specialSchool").GetProperty("waitingList").EnumerateArray());
    }

    [Fact]
    public async Task A_partner_may_not_subscribe_to_waiting_list_changes()
    {
        var partner = await server.TokenAsync("901", "PARTNER");

        using var partnerStream = NodeScripts.Start("subscribe.mjs", server.WebSocketUri.ToString(), partner,
            "subscription { waitingListChanged { id } }", "1", "10000");
        var output = await partnerStream.StandardOutput.ReadToEndAsync();

        Assert.Contains("FORBIDDEN", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_special_school_sees_none_of_the_list_and_may_not_offer_from_it()
    {
        var (_, a, b, _, _) = await OneWaitingAsync();
        var otherSpecial = await server.TokenAsync("901", "SPECIAL_SCHOOL_STAFF", b);

        var list = await server.PostAsync(otherSpecial, List, new { urn = a });
        var probe = await server.PostAsync(otherSpecial, Offer, new { id = a + ".w999999", reason = (string?)null });

        Assert.Empty(list.Data.GetProperty("specialSchool").GetProperty("waitingList").EnumerateArray());
        Assert.Equal("FORBIDDEN", probe.FirstErrorCode);
    }

    [Fact]
    public async Task The_special_school_may_read_a_pupil_on_its_list()
    {
        var (_, a, _, pupil, _) = await OneWaitingAsync();
        var specialA = await server.TokenAsync("901", "SPECIAL_SCHOOL_STAFF", a);

        var seen = await server.PostAsync(specialA, "query($id: ID!) { pupil(id: $id) { id waitingListEntries { id } } }", new { id = pupil });

        Assert.False(seen.HasErrors, seen.Body);
        Assert.Equal(pupil, seen.Data.GetProperty("pupil").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_school_sees_its_own_pupils_entries_and_no_one_elses()
    {
        var (school, a, _, _, entryId) = await OneWaitingAsync();

        var schoolView = (await server.PostAsync(school, List, new { urn = a })).Data.GetProperty("specialSchool").GetProperty("waitingList").EnumerateArray().ToList();

        Assert.Contains(entryId, schoolView.Select(e => e.GetProperty("id").GetString()));
        Assert.All(schoolView, e => Assert.NotNull(e.GetProperty("pupil").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Another_LA_cannot_find_the_entry()
    {
        var (_, _, _, _, entryId) = await OneWaitingAsync();
        var otherLa = await server.TokenAsync("902", "LA_OFFICER");

        var crossTenant = await server.PostAsync(otherLa, Offer, new { id = entryId, reason = "x" });

        Assert.Equal("NOT_FOUND", crossTenant.FirstErrorCode);
    }

    [Fact]
    public async Task Another_school_cannot_answer_for_the_pupil()
    {
        var (_, _, _, _, entryId) = await OneWaitingAsync();
        var otherSchool = await server.TokenAsync("901", "SCHOOL_STAFF", (await World901.SchoolUrnsAsync())[9]);

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

    private PlacementWorld World901 => new(server, "901");

    [Fact]
    public async Task An_assessment_may_wait_only_once_the_LA_has_decided_and_intends_a_special_school()
    {
        var world = new PlacementWorld(server, "902");
        var la = await world.LaAsync();
        var schoolUrn = (await world.SchoolUrnsAsync())[3];
        var school = await server.TokenAsync("902", "SCHOOL_STAFF", schoolUrn);
        var (a, _) = await TwoSpecialSchoolsAsync(la);
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 4);
        var today = await world.TodayAsync();
        var request = await server.PostAsync(school, "mutation($id: ID!, $on: Date!) { requestEhcAssessment(pupilId: $id, requestedOn: $on, requestSource: SCHOOL) { requestSource } }",
            new { id = pupil, on = PlacementWorld.Iso(today) });
        Assert.Equal("SCHOOL", request.Data.GetProperty("requestEhcAssessment").GetProperty("requestSource").GetString());

        var requested = await AddAsync(la, pupil, a, today);
        Assert.Equal(("CONFLICT", "pupilId"), Error(requested));
        Assert.Contains("intention to name a special school", requested.FirstErrorMessage, StringComparison.Ordinal);
        Assert.False((await server.PostAsync(la, "mutation($id: ID!, $d: Date!) { recordEhcpMilestone(input: { pupilId: $id, milestone: DECISION_TO_ASSESS, date: $d }) { stage } }",
            new { id = pupil, d = PlacementWorld.Iso(today) })).HasErrors);
        Assert.Equal(("CONFLICT", "pupilId"), Error(await AddAsync(la, pupil, a, today)));

        const string Intend = "mutation($id: ID!, $d: Date!) { recordEhcpSpecialSchoolIntention(pupilId: $id, date: $d) { specialSchoolIntendedOn } }";
        Assert.Equal("FORBIDDEN", (await server.PostAsync(school, Intend, new { id = pupil, d = PlacementWorld.Iso(today) })).FirstErrorCode);
        var intended = await server.PostAsync(la, Intend, new { id = pupil, d = PlacementWorld.Iso(today) });
        Assert.False(intended.HasErrors, intended.Body);

        var added = await server.PostAsync(school, """
            mutation($input: AddToWaitingListInput!) { addToWaitingList(input: $input) { status parentalPreference overrideReason } }
            """, new { input = new { pupilId = pupil, specialSchoolUrn = a, addedOn = PlacementWorld.Iso(today), parentalPreference = true } });
        Assert.False(added.HasErrors, added.Body);
        var entry = added.Data.GetProperty("addToWaitingList");
        Assert.True(entry.GetProperty("parentalPreference").GetBoolean());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("overrideReason").ValueKind);
    }

    [Fact]
    public async Task A_school_not_designated_for_the_primary_need_is_refused_unless_the_LA_records_why()
    {
        var world = new PlacementWorld(server, "902");
        var la = await world.LaAsync();
        var schoolUrn = (await world.SchoolUrnsAsync())[3];
        var school = await server.TokenAsync("902", "SCHOOL_STAFF", schoolUrn);
        var other = (await SpecialSchoolsAsync(la)).First(s => !s.Designations.Contains("SEMH"));
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 8, sen: "EHC_PLAN");
        var today = await world.TodayAsync();
        var before = await OpenEntryIdsAsync(la, other.Urn);

        var refused = await AddAsync(school, pupil, other.Urn, today);
        Assert.Equal(("CONFLICT", "specialSchoolUrn"), Error(refused));
        Assert.Contains("not the pupil's primary need SEMH", refused.FirstErrorMessage, StringComparison.Ordinal);
        const string WithOverride = """
            mutation($input: AddToWaitingListInput!) { addToWaitingList(input: $input) { id overrideReason } }
            """;
        var input = new { pupilId = pupil, specialSchoolUrn = other.Urn, addedOn = PlacementWorld.Iso(today), overrideReason = "Sibling on roll; SEMH outreach in place" };
        var fromSchool = await server.PostAsync(school, WithOverride, new { input });
        Assert.Equal(("FORBIDDEN", "overrideReason"), (fromSchool.FirstErrorCode, fromSchool.FirstErrorField));
        Assert.Equal(before, await OpenEntryIdsAsync(la, other.Urn));

        var overridden = await server.PostAsync(la, WithOverride, new { input });
        Assert.False(overridden.HasErrors, overridden.Body);
        Assert.Equal("Sibling on roll; SEMH outreach in place", overridden.Data.GetProperty("addToWaitingList").GetProperty("overrideReason").GetString());
    }

    private async Task<string> SchoolUrnAsync() => (await World901.SchoolUrnsAsync())[7];

    /// <summary>
    /// In tenant 901: a pupil with an EHC plan waiting at special school A (added ten days ago, behind
    /// one added a thousand days ago, so never first in line) and at B (added today).
    /// </summary>
    private async Task<(string La, string School, string SpecialA, string A, string B, string Pupil, string EntryId, string OtherEntry, DateOnly Today)> TwoWaitingAsync()
    {
        var world = World901;
        var la = await world.LaAsync();
        var schoolUrn = await SchoolUrnAsync();
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn);
        var (a, b) = await TwoSpecialSchoolsAsync(la);
        var specialA = await server.TokenAsync("901", "SPECIAL_SCHOOL_STAFF", a);
        var today = await world.TodayAsync();
        var ahead = await world.RegisterPupilAsync(schoolUrn, yearGroup: 6, sen: "EHC_PLAN");
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 6, sen: "EHC_PLAN");
        Assert.False((await AddAsync(la, ahead, a, today.AddDays(-1000))).HasErrors);
        var added = await AddAsync(school, pupil, a, today.AddDays(-10));
        Assert.False(added.HasErrors, added.Body);
        var other = await AddAsync(school, pupil, b, today);
        Assert.False(other.HasErrors, other.Body);
        return (la, school, specialA, a, b, pupil,
            added.Data.GetProperty("addToWaitingList").GetProperty("id").GetString()!,
            other.Data.GetProperty("addToWaitingList").GetProperty("id").GetString()!,
            today);
    }

    /// <summary>In tenant 901: a pupil of school [8] waiting at special school A, added today.</summary>
    private async Task<(string School, string A, string B, string Pupil, string EntryId)> OneWaitingAsync()
    {
        var world = World901;
        var la = await world.LaAsync();
        var schoolUrn = (await world.SchoolUrnsAsync())[8];
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn);
        var (a, b) = await TwoSpecialSchoolsAsync(la);
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 9, sen: "EHC_PLAN");
        var added = await AddAsync(school, pupil, a, await world.TodayAsync());
        Assert.False(added.HasErrors, added.Body);
        return (school, a, b, pupil, added.Data.GetProperty("addToWaitingList").GetProperty("id").GetString()!);
    }

    /// <summary>One place free at the special school, whatever earlier tests left taken.</summary>
    private async Task FreePlaceAtAsync(string la, string urn)
    {
        var list = (await server.PostAsync(la, List, new { urn })).Data.GetProperty("specialSchool");
        var taken = list.GetProperty("places").GetInt32() - list.GetProperty("placesFree").GetInt32();
        var set = await server.PostAsync(la, SetPlaces, new { urn, places = taken + 1 });
        Assert.False(set.HasErrors, set.Body);
    }

    /// <summary>
    /// graphql-ws acknowledges the connection, never a subscription, and the server starts the stream
    /// from the feed's last entry when it gets there, so a change made too early is before that point
    /// and never sent. Proof that the stream is live is an event heard: add a probe pupil to the list
    /// and wait for it, adding another if none arrives within a second. Only then is the change under
    /// test made, so its event cannot fall before the stream's start.
    /// </summary>
    private async Task UntilLiveAsync(System.Diagnostics.Process subscriber, (string La, string School, string SpecialA, string A, string B, string Pupil, string EntryId, string OtherEntry, DateOnly Today) w)
    {
        var next = SubscriberOutput.ReadNextAsync(subscriber);
        for (var probes = 0; probes < 20 && !next.IsCompleted; probes++)
        {
            var probe = await World901.RegisterPupilAsync(await SchoolUrnAsync(), yearGroup: 6, sen: "EHC_PLAN");
            var added = await AddAsync(w.School, probe, w.A, w.Today);
            Assert.False(added.HasErrors, added.Body);
            await Task.WhenAny(next, Task.Delay(1000));
        }

        Assert.NotNull(await next);
    }

    private static (string?, string?) Error(GraphQLResponse response) => (response.FirstErrorCode, response.FirstErrorField);

    private Task<GraphQLResponse> AddAsync(string token, string pupilId, string urn, DateOnly addedOn) =>
        server.PostAsync(token, Add, new { input = new { pupilId, specialSchoolUrn = urn, addedOn = PlacementWorld.Iso(addedOn) } });

    /// <summary>Two special schools designated for SEMH, the primary need of every pupil <see cref="PlacementWorld"/> registers.</summary>
    private async Task<(string A, string B)> TwoSpecialSchoolsAsync(string la)
    {
        var urns = (await SpecialSchoolsAsync(la)).Where(s => s.Designations.Contains("SEMH")).Select(s => s.Urn).ToList();
        return (urns[0], urns[1]);
    }

    private async Task<List<(string Urn, List<string> Designations)>> SpecialSchoolsAsync(string la) =>
        [.. (await server.PostAsync(la, "{ localAuthority { specialSchools { urn designations } } }")).Data
            .GetProperty("localAuthority").GetProperty("specialSchools").EnumerateArray()
            .Select(s => (s.GetProperty("urn").GetString()!, s.GetProperty("designations").EnumerateArray().Select(d => d.GetString()!).ToList()))];

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
