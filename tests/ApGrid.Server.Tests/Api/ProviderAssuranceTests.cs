using System.Net.WebSockets;
using System.Text.Json;
using ApGrid.Server.Tests.Rest;
using static ApGrid.Server.Tests.Running.WsFrames;

namespace ApGrid.Server.Tests.Api;

/// <summary>
/// Provider quality assurance through the running server: approved-only commissioning of non-school
/// AP with the LA's recorded override, lapses on the day after by the clock with one alert, the
/// placements a suspension puts up for review, and who may see and change what.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class ProviderAssuranceTests(RunningServerFixture server) : IAsyncLifetime
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

    private const string Tenant = "901";

    private const string StandingQuery = "query($urn: String!) { apSetting(urn: $urn) { standing { status rag reasons commissionable } } }";

    [Fact]
    public async Task An_unapproved_non_school_provider_is_refused_naming_the_rule_and_the_LA_override_is_recorded()
    {
        var world = new PlacementWorld(server, Tenant);
        var providers = Providers(world);
        var urn = await providers.CreateNonSchoolProviderAsync();
        var (pupilId, referral, start) = await providers.ReferralAsync();
        var before = await world.SettingAsync(urn);

        var refused = await world.StartAsync(referral, urn, start, fullTime: false, ["MON_AM", "TUE_AM"]);

        Assert.Equal(("VALIDATION", "apUrn"), (refused.FirstErrorCode, refused.FirstErrorField));
        Assert.StartsWith("APPROVED_PROVIDERS_ONLY", refused.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Equal(before.GetRawText(), (await world.SettingAsync(urn)).GetRawText());

        var la = await world.LaAsync();
        var overridden = await server.PostAsync(la, """
            mutation($urn: String!, $pupilId: ID!) { overrideProviderApproval(urn: $urn, pupilId: $pupilId, reason: "Only provision within reach; daily check-in by the home school") { overrides { pupilId reason } history { change by } } }
            """, new { urn, pupilId });
        Assert.False(overridden.HasErrors, overridden.Body);
        var started = await world.StartAsync(referral, urn, start, fullTime: false, ["MON_AM", "TUE_AM"]);

        Assert.False(started.HasErrors, started.Body);
        var record = overridden.Data.GetProperty("overrideProviderApproval");
        Assert.Equal("Only provision within reach; daily check-in by the home school", record.GetProperty("overrides")[0].GetProperty("reason").GetString());
        Assert.Equal("OVERRIDE", record.GetProperty("history").EnumerateArray().Last().GetProperty("change").GetString());
    }

    [Fact]
    public async Task Expired_insurance_turns_the_provider_red_on_the_day_after_and_raises_one_alert()
    {
        var world = new PlacementWorld(server, Tenant);
        var providers = Providers(world);
        var urn = await providers.CreateNonSchoolProviderAsync("Canal Boat Learning");
        var today = await world.TodayAsync();
        var approved = await providers.ApproveAsync(urn, insuranceExpires: today.AddDays(1));
        Assert.Equal(("APPROVED", "AMBER"), (approved.GetProperty("standing").GetProperty("status").GetString(), approved.GetProperty("standing").GetProperty("rag").GetString()));

        await world.AdvanceDaysAsync(1);
        var onExpiry = await StandingAsync(await world.LaAsync(), urn);
        await world.AdvanceDaysAsync(1);
        var dayAfter = await StandingAsync(await world.LaAsync(), urn);

        Assert.True(onExpiry.GetProperty("commissionable").GetBoolean());
        Assert.Equal(("EXPIRED", "RED", false), (dayAfter.GetProperty("status").GetString(), dayAfter.GetProperty("rag").GetString(), dayAfter.GetProperty("commissionable").GetBoolean()));
        var lapsed = $"{urn}#INSURANCE#{PlacementWorld.Iso(today.AddDays(1))}#LAPSED";
        var alerts = await WaitForFeedAsync(e => e.Kind == "PROVIDER_ALERT" && e.Subject == lapsed);
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Single(await FeedAsync(), e => e.Kind == "PROVIDER_ALERT" && e.Subject == lapsed);
        Assert.Single(alerts, e => e.Subject.StartsWith(urn + "#INSURANCE#", StringComparison.Ordinal) && e.Subject.EndsWith("#EXPIRING", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_suspension_lists_the_placements_for_review_and_raises_a_feed_entry()
    {
        var world = new PlacementWorld(server, Tenant);
        var providers = Providers(world);
        var urn = await providers.CreateNonSchoolProviderAsync("Riverside Mentoring");
        await providers.ApproveAsync(urn);
        var (pupilId, referral, start) = await providers.ReferralAsync();
        var started = await world.StartAsync(referral, urn, start, fullTime: false, ["WED_AM", "WED_PM"]);
        Assert.False(started.HasErrors, started.Body);
        var placementId = started.Data.GetProperty("startPlacement").GetProperty("id").GetString();
        var feedBefore = (await FeedAsync()).Count(e => e.Kind == "PROVIDER_ASSURANCE" && e.Subject == urn);

        var suspended = await providers.DecideAsync(urn, "SUSPENDED", "Allegation against a member of staff under investigation");
        var record = await providers.AssuranceAsync(urn);

        Assert.Equal("SUSPENDED", suspended.GetProperty("standing").GetProperty("status").GetString());
        var check = Assert.Single(record.GetProperty("activePlacements").EnumerateArray());
        Assert.Equal((placementId, pupilId, true, false), (
            check.GetProperty("placementId").GetString(), check.GetProperty("pupilId").GetString(), check.GetProperty("forReview").GetBoolean(),
            check.GetProperty("overTimeLimit").GetBoolean()));
        await WaitForFeedAsync(e => e.Kind == "PROVIDER_ASSURANCE" && e.Subject == urn, atLeast: feedBefore + 1);
    }

    [Fact]
    public async Task Schools_and_partners_see_the_status_but_not_the_reason_or_the_record()
    {
        var world = new PlacementWorld(server, Tenant);
        var providers = Providers(world);
        var urn = await providers.CreateNonSchoolProviderAsync("Hilltop Farm Learning");
        await providers.ApproveAsync(urn);
        await providers.DecideAsync(urn, "SUSPENDED", "Concern raised by a parent about supervision");
        var school = await server.TokenAsync(Tenant, "SCHOOL_STAFF", (await world.SchoolUrnsAsync())[0]);
        var partner = await server.TokenAsync(Tenant, "PARTNER");

        foreach (var token in new[] { school, partner })
        {
            var standing = await StandingAsync(token, urn);
            var record = await server.PostAsync(token, ProviderWorld.AssuranceQuery, new { urn });
            var register = await server.PostAsync(token, "{ providerRegister(status: SUSPENDED) { urn standing { status reasons } } }");

            Assert.Equal("SUSPENDED", standing.GetProperty("status").GetString());
            Assert.DoesNotContain("supervision", standing.GetRawText(), StringComparison.Ordinal);
            Assert.Equal("FORBIDDEN", record.FirstErrorCode);
            Assert.DoesNotContain("supervision", record.Body, StringComparison.Ordinal);
            Assert.Contains(register.Data.GetProperty("providerRegister").EnumerateArray(), s => s.GetProperty("urn").GetString() == urn);
            Assert.DoesNotContain("supervision", register.Body, StringComparison.Ordinal);
        }

        Assert.Contains("supervision", (await StandingAsync(await world.LaAsync(), urn)).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AP_staff_send_their_own_evidence_and_contacts_but_never_decide_or_touch_another_provider()
    {
        var world = new PlacementWorld(server, Tenant);
        var providers = Providers(world);
        var urn = await providers.CreateNonSchoolProviderAsync("Ironworks Youth Project");
        var other = await providers.CreateNonSchoolProviderAsync("Meadow Outdoor Learning");
        var staff = await server.TokenAsync(Tenant, "AP_STAFF", urn);
        var today = await world.TodayAsync();
        const string Evidence = "mutation($input: ProviderEvidenceInput!) { submitProviderEvidence(input: $input) { dueDiligence { insuranceExpires } history { change role } } }";
        const string Contacts = "mutation($urn: String!) { setApSettingContacts(urn: $urn, contacts: [{ name: \"Jo Reid\", role: \"Manager\", phone: \"0115 496 0000\" }]) { contacts { name } } }";

        var own = await server.PostAsync(staff, Evidence, new { input = new { urn, insuranceExpires = PlacementWorld.Iso(today.AddDays(300)) } });
        var ownContacts = await server.PostAsync(staff, Contacts, new { urn });
        var others = await server.PostAsync(staff, Evidence, new { input = new { urn = other, insuranceExpires = PlacementWorld.Iso(today.AddDays(300)) } });
        var othersContacts = await server.PostAsync(staff, Contacts, new { urn = other });
        var decide = await server.PostAsync(staff, "mutation { decideProviderApproval(input: { urn: \"" + urn + "\", decision: APPROVED }) { version } }");
        var record = await server.PostAsync(staff, "mutation($input: DueDiligenceInput!) { recordDueDiligence(input: $input) { version } }",
            new { input = new { urn, registeredSchool = false, visits = Array.Empty<object>(), concerns = Array.Empty<object>(), themes = Array.Empty<object>() } });
        var edit = await server.PostAsync(staff, "mutation { updateApSetting(input: { urn: \"" + urn + "\", name: \"Renamed\", type: UNREGISTERED_PROVIDER, keyStages: [KS3], specialisms: [], latitude: 52.9, longitude: -1.1 }) { name } }");
        var future = await server.PostAsync(staff, Evidence, new { input = new { urn, siteRiskAssessmentOn = PlacementWorld.Iso(today.AddDays(2)) } });

        Assert.False(own.HasErrors, own.Body);
        Assert.Equal(("EVIDENCE_DATES", "AP_STAFF"), (
            own.Data.GetProperty("submitProviderEvidence").GetProperty("history")[0].GetProperty("change").GetString(),
            own.Data.GetProperty("submitProviderEvidence").GetProperty("history")[0].GetProperty("role").GetString()));
        Assert.False(ownContacts.HasErrors, ownContacts.Body);
        Assert.All(new[] { others, othersContacts, decide, record, edit }, r => Assert.Equal("FORBIDDEN", r.FirstErrorCode));
        Assert.Equal(("VALIDATION", "siteRiskAssessmentOn"), (future.FirstErrorCode, future.FirstErrorField));
        Assert.Equal(1, (await providers.AssuranceAsync(urn)).GetProperty("version").GetInt32());
        Assert.Equal(0, (await providers.AssuranceAsync(other)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Another_tenant_and_a_school_cannot_create_or_read_a_provider_and_over_a_websocket_neither()
    {
        var world = new PlacementWorld(server, Tenant);
        var providers = Providers(world);
        var urn = await providers.CreateNonSchoolProviderAsync("Northgate Boxing Academy");
        var elsewhere = await server.TokenAsync("902", "LA_OFFICER");
        var school = await server.TokenAsync(Tenant, "SCHOOL_STAFF", (await world.SchoolUrnsAsync())[0]);

        var read = await server.PostAsync(elsewhere, ProviderWorld.AssuranceQuery, new { urn });
        var decide = await server.PostAsync(elsewhere, "mutation { decideProviderApproval(input: { urn: \"" + urn + "\", decision: SUSPENDED, reason: \"x\" }) { version } }");
        var create = await server.PostAsync(school, "mutation { createApSetting(input: { name: \"Mine\", type: UNREGISTERED_PROVIDER, keyStages: [KS3], specialisms: [], latitude: 52.9, longitude: -1.1 }) { urn } }");

        Assert.Equal("NOT_FOUND", read.FirstErrorCode);
        Assert.Equal("NOT_FOUND", decide.FirstErrorCode);
        Assert.Equal("FORBIDDEN", create.FirstErrorCode);
        Assert.Equal(0, (await providers.AssuranceAsync(urn)).GetProperty("version").GetInt32());

        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(server.WebSocketUri, CancellationToken.None);
        await SendAsync(socket, new { type = "connection_init", payload = new { token = school } });
        Assert.Equal("connection_ack", (await ReceiveAsync(socket)).GetProperty("type").GetString());
        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query = ProviderWorld.AssuranceQuery, variables = new { urn } } });
        JsonElement answer;
        do answer = await ReceiveAsync(socket);
        while (answer.GetProperty("type").GetString() == "ping");

        Assert.Contains("FORBIDDEN", answer.GetRawText(), StringComparison.Ordinal);
        Assert.False(answer.GetRawText().Contains("dslName\":\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_read_and_change_of_a_providers_record_is_audited_against_the_provider()
    {
        var world = new PlacementWorld(server, Tenant);
        var providers = Providers(world);
        var urn = await providers.CreateNonSchoolProviderAsync("Wharf Street Arts");
        await providers.ApproveAsync(urn);
        var staff = await server.TokenAsync(Tenant, "AP_STAFF", urn);
        var read = await server.PostAsync(staff, ProviderWorld.AssuranceQuery.Replace("activePlacements { placementId pupilId week overTimeLimit forReview extendedUntil }", "", StringComparison.Ordinal), new { urn });
        Assert.False(read.HasErrors, read.Body);

        var entries = await AuditAsync(urn);

        Assert.Contains(entries, e => e.Role == "AP_STAFF" && e.Action == "READ" && e.What.Contains("Query.providerAssurance"));
        Assert.Contains(entries, e => e.Role == "LA_OFFICER" && e.Action == "CHANGE" && e.What.Contains("Mutation.createApSetting"));
        Assert.Contains(entries, e => e.Role == "LA_OFFICER" && e.Action == "CHANGE" && e.What.Contains("Mutation.recordDueDiligence"));
        Assert.Contains(entries, e => e.Role == "LA_OFFICER" && e.Action == "CHANGE" && e.What.Contains("Mutation.decideProviderApproval"));
    }

    [Fact]
    public async Task The_LA_edits_a_profile_with_eyfs_a_ukprn_and_session_times_and_a_bad_value_names_its_field_and_changes_nothing()
    {
        var world = new PlacementWorld(server, Tenant);
        var providers = Providers(world);
        var urn = await providers.CreateNonSchoolProviderAsync("Little Acorns Nurture");
        var la = await world.LaAsync();
        const string Update = """
            mutation($input: ApSettingProfileInput!) { updateApSetting(input: $input) {
              name keyStages ukprn postcode contacts { name } sessionTimes { morningStart afternoonEnd weeklyHours } } }
            """;
        object Input(string ukprn, string afternoonEnd) => new
        {
            input = new
            {
                urn, name = "Little Acorns Nurture Group", type = "UNREGISTERED_PROVIDER", ukprn, keyStages = new[] { "EYFS", "KS1" }, specialisms = new[] { "SEMH", "SLCN" },
                latitude = 52.95, longitude = -1.15, postcode = "NG7 2RD",
                sessionTimes = new { morningStart = "09:00", morningEnd = "12:00", afternoonStart = "13:00", afternoonEnd },
            },
        };

        var edited = await server.PostAsync(la, Update, Input("10012345", "15:00"));
        var badUkprn = await server.PostAsync(la, Update, Input("2001234", "15:00"));
        var badTimes = await server.PostAsync(la, Update, Input("10012345", "12:30"));

        Assert.False(edited.HasErrors, edited.Body);
        var setting = edited.Data.GetProperty("updateApSetting");
        Assert.Equal(["EYFS", "KS1"], setting.GetProperty("keyStages").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(("10012345", "Sam Patel", 25.0), (setting.GetProperty("ukprn").GetString(), setting.GetProperty("contacts")[0].GetProperty("name").GetString(),
            setting.GetProperty("sessionTimes").GetProperty("weeklyHours").GetDouble()));
        Assert.Equal(("VALIDATION", "ukprn"), (badUkprn.FirstErrorCode, badUkprn.FirstErrorField));
        Assert.Equal(("VALIDATION", "sessionTimes.afternoonEnd"), (badTimes.FirstErrorCode, badTimes.FirstErrorField));
        var now = await server.PostAsync(la, "query($urn: String!) { apSetting(urn: $urn) { name sessionTimes { afternoonEnd } } }", new { urn });
        Assert.Equal(("Little Acorns Nurture Group", "15:00"), (now.Data.GetProperty("apSetting").GetProperty("name").GetString(),
            now.Data.GetProperty("apSetting").GetProperty("sessionTimes").GetProperty("afternoonEnd").GetString()));
    }

    [Fact]
    public async Task Over_REST_a_provider_reads_its_standing_and_evidence_and_sends_its_own_evidence_dates_only()
    {
        var world = new PlacementWorld(server, Tenant);
        var providers = Providers(world);
        var urn = await providers.CreateNonSchoolProviderAsync("Lace Market Media Lab");
        var other = await providers.CreateNonSchoolProviderAsync("Sneinton Climbing Wall");
        await providers.ApproveAsync(urn);
        await providers.DecideAsync(urn, "APPROVED_WITH_CONDITIONS", "Open concern about supervision to be closed by March");
        var staff = await server.TokenAsync(Tenant, "AP_STAFF", urn);
        var school = await server.TokenAsync(Tenant, "SCHOOL_STAFF", (await world.SchoolUrnsAsync())[0]);
        var today = await world.TodayAsync();

        var own = await server.GetAsync(staff, $"/api/v1/providers/{urn}");
        var seenBySchool = await server.GetAsync(school, $"/api/v1/providers/{urn}");
        var sent = await server.PutAsync(staff, $"/api/v1/providers/{urn}/evidence", $$"""{ "insuranceExpires": "{{PlacementWorld.Iso(today.AddDays(400))}}" }""");
        var future = await server.PutAsync(staff, $"/api/v1/providers/{urn}/evidence", $$"""{ "behaviourPolicyOn": "{{PlacementWorld.Iso(today.AddDays(1))}}" }""");
        var othersEvidence = await server.PutAsync(staff, $"/api/v1/providers/{other}/evidence", """{ "dslName": "Someone" }""");
        var bySchool = await server.PutAsync(school, $"/api/v1/providers/{urn}/evidence", """{ "dslName": "Someone" }""");

        Assert.Equal((200, "APPROVED_WITH_CONDITIONS", "Sam Patel"), (own.Status, own.Json.GetProperty("status").GetString(), own.Json.GetProperty("evidence").GetProperty("dslName").GetString()));
        Assert.Contains("supervision", own.Body, StringComparison.Ordinal);
        Assert.Equal((200, "APPROVED_WITH_CONDITIONS", JsonValueKind.Null), (seenBySchool.Status, seenBySchool.Json.GetProperty("status").GetString(), seenBySchool.Json.GetProperty("evidence").ValueKind));
        Assert.DoesNotContain("supervision", seenBySchool.Body, StringComparison.Ordinal);
        Assert.Equal((200, PlacementWorld.Iso(today.AddDays(400))), (sent.Status, sent.Json.GetProperty("evidence").GetProperty("insuranceExpires").GetString()));
        Assert.Equal((422, "behaviourPolicyOn"), (future.Status, future.ProblemField));
        Assert.Equal(403, othersEvidence.Status);
        Assert.Equal(403, bySchool.Status);
        Assert.Equal(0, (await providers.AssuranceAsync(other)).GetProperty("version").GetInt32());
        var entries = await AuditAsync(urn);
        Assert.Contains(entries, e => e.Role == "AP_STAFF" && e.Action == "CHANGE" && e.What.Contains("PUT /api/v1/providers/{urn}/evidence"));
        Assert.Contains(entries, e => e.Role == "AP_STAFF" && e.Action == "READ" && e.What.Contains("GET /api/v1/providers/{urn}"));
        Assert.DoesNotContain(entries, e => e.Role == "SCHOOL_STAFF");
    }

    [Fact]
    public async Task The_LA_creates_and_edits_a_special_school_and_a_school_may_not()
    {
        var world = new PlacementWorld(server, Tenant);
        var la = await world.LaAsync();
        var school = await server.TokenAsync(Tenant, "SCHOOL_STAFF", (await world.SchoolUrnsAsync())[0]);
        var urn = (880000 + Random.Shared.Next(0, 9999)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        const string Create = "mutation($input: SpecialSchoolProfileInput!) { createSpecialSchool(input: $input) { urn name designations places } }";
        const string Update = "mutation($input: SpecialSchoolProfileInput!) { updateSpecialSchool(input: $input) { urn name designations places } }";
        object Input(string name) => new { input = new { urn, name, designations = new[] { "ASD", "SLCN" }, latitude = 52.93, longitude = -1.2, places = 60 } };

        var refused = await server.PostAsync(school, Create, Input("Willow Bank School"));
        var created = await server.PostAsync(la, Create, Input("Willow Bank School"));
        var again = await server.PostAsync(la, Create, Input("Willow Bank School"));
        var edited = await server.PostAsync(la, Update, Input("Willow Bank Academy"));
        var unnamed = await server.PostAsync(la, Update, Input(" "));

        Assert.Equal("FORBIDDEN", refused.FirstErrorCode);
        Assert.False(created.HasErrors, created.Body);
        Assert.Equal(("CONFLICT", "urn"), (again.FirstErrorCode, again.FirstErrorField));
        Assert.Equal(("Willow Bank Academy", 60), (edited.Data.GetProperty("updateSpecialSchool").GetProperty("name").GetString(),
            edited.Data.GetProperty("updateSpecialSchool").GetProperty("places").GetInt32()));
        Assert.Equal(("VALIDATION", "name"), (unnamed.FirstErrorCode, unnamed.FirstErrorField));
        var listed = await server.PostAsync(la, "{ localAuthority { specialSchools { urn name } } }");
        Assert.Contains(listed.Data.GetProperty("localAuthority").GetProperty("specialSchools").EnumerateArray(),
            s => s.GetProperty("urn").GetString() == urn && s.GetProperty("name").GetString() == "Willow Bank Academy");
    }

    private async Task<JsonElement> StandingAsync(string token, string urn)
    {
        var response = await server.PostAsync(token, StandingQuery, new { urn });
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty("apSetting").GetProperty("standing");
    }

    private async Task<List<(string Role, string Action, List<string> What)>> AuditAsync(string urn)
    {
        var la = await server.TokenAsync(Tenant, "LA_OFFICER");
        var found = new List<(string, string, List<string>)>();
        string? after = null;
        while (true)
        {
            var page = await server.PostAsync(la, "query($after: String) { auditTrail(after: $after, first: 500) { entries { role action what providerUrn } nextCursor hasMore } }", new { after });
            Assert.False(page.HasErrors, page.Body);
            var trail = page.Data.GetProperty("auditTrail");
            found.AddRange(trail.GetProperty("entries").EnumerateArray()
                .Where(e => e.GetProperty("providerUrn").GetString() == urn)
                .Select(e => (e.GetProperty("role").GetString()!, e.GetProperty("action").GetString()!, e.GetProperty("what").EnumerateArray().Select(w => w.GetString()!).ToList())));
            if (!trail.GetProperty("hasMore").GetBoolean()) return found;
            after = trail.GetProperty("nextCursor").GetString();
        }
    }

    private async Task<List<(string Kind, string Subject)>> FeedAsync()
    {
        var la = await server.TokenAsync(Tenant, "LA_OFFICER");
        var entries = new List<(string, string)>();
        var after = "0";
        while (true)
        {
            var page = await server.GetAsync(la, $"/api/v1/changes?after={after}&limit=500");
            Assert.Equal(200, page.Status);
            entries.AddRange(page.Json.GetProperty("entries").EnumerateArray().Select(e => (e.GetProperty("kind").GetString()!, e.GetProperty("subjectId").GetString()!)));
            after = page.Json.GetProperty("nextCursor").GetString()!;
            if (!page.Json.GetProperty("hasMore").GetBoolean()) return entries;
        }
    }

    /// <summary>The feed once it has <paramref name="atLeast"/> entries matching; the reminder that raises alerts runs every two seconds here.</summary>
    private async Task<List<(string Kind, string Subject)>> WaitForFeedAsync(Func<(string Kind, string Subject), bool> match, int atLeast = 1)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var feed = await FeedAsync();
            if (feed.Count(match) >= atLeast) return feed;
            Assert.True(DateTime.UtcNow < until, "the feed entry did not arrive within 30 seconds");
            await Task.Delay(500);
        }
    }
}
