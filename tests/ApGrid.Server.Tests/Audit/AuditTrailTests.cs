using System.Text.Json;
using ApGrid.Server.Tests.Api;
using ApGrid.Server.Tests.Rest;
using ApGrid.Server.Tests.Running;

namespace ApGrid.Server.Tests.Audit;

/// <summary>The access audit: every read or change of a pupil's record, through any API, once per request and pupil.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class AuditTrailTests(RunningServerFixture server)
{
    private const string PupilQuery = "query($id: ID!) { pupil(id: $id) { id upn initials dateOfBirth currentPlacement { id apRegistration } referrals { id status } } }";

    private const string AuditQuery = """
        query($pupilId: ID, $after: String, $first: Int) {
          auditTrail(pupilId: $pupilId, after: $after, first: $first) { entries { cursor at subject tenant role pupilId action what api } nextCursor hasMore }
        }
        """;

    [Fact]
    public async Task Reading_a_pupil_as_three_roles_leaves_three_entries_naming_role_and_api()
    {
        var world = new PlacementWorld(server, "901");
        var schoolUrn = (await world.SchoolUrnsAsync())[^2];
        var pupilId = await world.RegisterPupilAsync(schoolUrn, yearGroup: 9);
        var referral = await world.ReferAsync(pupilId, schoolUrn);
        var apUrn = await SettingWithFullTimePlaceAsync(world);
        var started = await world.StartAsync(referral, apUrn, await world.AdvancePastNoticeAsync(schoolUrn), fullTime: true, []);
        Assert.False(started.HasErrors, started.Body);
        var la = await world.LaAsync();
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn);
        var ap = await server.TokenAsync("901", "AP_STAFF", apUrn);
        var cursor = (await TrailAsync(la, pupilId)).GetProperty("nextCursor").GetString();

        var byLa = await server.PostAsync(la, PupilQuery, new { id = pupilId });
        var bySchool = await server.PostAsync(school, PupilQuery, new { id = pupilId });
        var (exit, output) = await NodeScripts.RunToEndAsync("node",
            ["subscribe.mjs", server.WebSocketUri.ToString(), ap, PupilQuery, "1", "20000", JsonSerializer.Serialize(new { id = pupilId })],
            TimeSpan.FromSeconds(40));

        Assert.False(byLa.HasErrors, byLa.Body);
        Assert.False(bySchool.HasErrors, bySchool.Body);
        Assert.True(exit == 0 && output.Contains(pupilId, StringComparison.Ordinal), output);
        var entries = (await TrailAsync(la, pupilId, cursor)).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(
            ["LA_OFFICER READ GRAPHQL_HTTP", "SCHOOL_STAFF READ GRAPHQL_HTTP", "AP_STAFF READ GRAPHQL_WS"],
            entries.Select(e => $"{e.GetProperty("role").GetString()} {e.GetProperty("action").GetString()} {e.GetProperty("api").GetString()}"));
        Assert.All(entries, e =>
        {
            Assert.Equal(pupilId, e.GetProperty("pupilId").GetString());
            Assert.Equal("901", e.GetProperty("tenant").GetString());
            Assert.False(string.IsNullOrEmpty(e.GetProperty("subject").GetString()));
            Assert.Contains("Pupil.initials", e.GetProperty("what").EnumerateArray().Select(w => w.GetString()));
        });
        Assert.Contains("Placement.apRegistration", entries[0].GetProperty("what").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public async Task A_selection_of_only_typename_still_tells_the_pupil_exists_and_is_a_read()
    {
        var world = new PlacementWorld(server, "901");
        var schoolUrn = (await world.SchoolUrnsAsync())[^2];
        var pupilId = await world.RegisterPupilAsync(schoolUrn, yearGroup: 7);
        var la = await world.LaAsync();
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn);
        var cursor = (await TrailAsync(la, pupilId)).GetProperty("nextCursor").GetString();

        var byId = await server.PostAsync(school, "query($id: ID!) { pupil(id: $id) { __typename } }", new { id = pupilId });
        var throughSchool = await server.PostAsync(la, "query($urn: String!) { school(urn: $urn) { pupils { __typename } } }", new { urn = schoolUrn });

        Assert.False(byId.HasErrors, byId.Body);
        Assert.False(throughSchool.HasErrors, throughSchool.Body);
        var entries = (await TrailAsync(la, pupilId, cursor)).GetProperty("entries").EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("role").GetString() == "SCHOOL_STAFF" && e.GetProperty("action").GetString() == "READ"
            && e.GetProperty("what").EnumerateArray().Any(w => w.GetString() == "Query.pupil"));
        Assert.Contains(entries, e => e.GetProperty("role").GetString() == "LA_OFFICER" && e.GetProperty("what").EnumerateArray().Any(w => w.GetString() == "School.pupils"));
    }

    [Fact]
    public async Task A_subscription_event_showing_a_pupil_is_audited_as_a_websocket_read()
    {
        var world = new PlacementWorld(server, "902");
        var schoolUrn = (await world.SchoolUrnsAsync())[^1];
        var pupilId = await world.RegisterPupilAsync(schoolUrn, yearGroup: 9);
        var referral = await world.ReferAsync(pupilId, schoolUrn);
        var apUrn = await SettingWithFullTimePlaceAsync(world);
        var started = await world.StartAsync(referral, apUrn, await world.AdvancePastNoticeAsync(schoolUrn), fullTime: true, []);
        Assert.False(started.HasErrors, started.Body);
        var la = await world.LaAsync();
        var ap = await server.TokenAsync("902", "AP_STAFF", apUrn);
        var cursor = (await TrailAsync(la, pupilId)).GetProperty("nextCursor").GetString();
        using var subscriber = NodeScripts.Start("subscribe.mjs", server.WebSocketUri.ToString(), ap,
            "subscription { capacityChanged { urn placements(status: ACTIVE) { pupil { id initials } } } }", "1", "30000");

        // graphql-ws acknowledges the connection, never the subscription, and a change made before the
        // server has started the stream is not sent. So change again until an event is heard; the second
        // waited after each change bounds one probe, and no assertion depends on how long the start took.
        var output = subscriber.StandardOutput.ReadToEndAsync();
        var setting = (await server.GetAsync(la, $"/api/v1/ap-settings/{apUrn}")).Json;
        for (var i = 1; i <= 20 && !output.IsCompleted; i++)
        {
            var put = await server.PutAsync(la, $"/api/v1/ap-settings/{apUrn}/availability", JsonSerializer.Serialize(new
            {
                fullTimePlaces = setting.GetProperty("fullTimePlaces").GetInt32() + i,
                sessions = setting.GetProperty("sessions").EnumerateArray().Select(s => new { session = s.GetProperty("session").GetString(), places = s.GetProperty("places").GetInt32() }),
                outreachHoursPerWeek = setting.GetProperty("outreachHoursPerWeek").GetDouble(),
            }));
            Assert.Equal(200, put.Status);
            await Task.WhenAny(output, Task.Delay(1000));
        }

        Assert.Contains(pupilId, await output, StringComparison.Ordinal);
        var entries = (await TrailAsync(la, pupilId, cursor)).GetProperty("entries").EnumerateArray().ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal("AP_STAFF READ GRAPHQL_WS", $"{e.GetProperty("role").GetString()} {e.GetProperty("action").GetString()} {e.GetProperty("api").GetString()}"));
    }

    [Fact]
    public async Task A_change_is_one_change_entry_and_a_rest_search_near_a_pupil_is_a_rest_read()
    {
        var world = new PlacementWorld(server, "902");
        var schoolUrn = (await world.SchoolUrnsAsync())[1];
        var pupilId = await world.RegisterPupilAsync(schoolUrn, yearGroup: 4);
        var la = await world.LaAsync();
        var cursor = (await TrailAsync(la, pupilId)).GetProperty("nextCursor").GetString();
        var school = await server.TokenAsync("902", "SCHOOL_STAFF", schoolUrn);

        var referral = await server.PostAsync(school, """
            mutation($pupilId: ID!) { submitReferral(input: { pupilId: $pupilId, reason: "Escalating distress", strategiesTried: ["Pastoral plan"] }) { id pupil { initials } } }
            """, new { pupilId });
        var search = await server.GetAsync(la, $"/api/v1/capacity?nearPupil={pupilId}");

        Assert.False(referral.HasErrors, referral.Body);
        Assert.Equal(200, search.Status);
        var entries = (await TrailAsync(la, pupilId, cursor)).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal("CHANGE", entries[0].GetProperty("action").GetString());
        Assert.Equal("SCHOOL_STAFF", entries[0].GetProperty("role").GetString());
        Assert.Contains("Mutation.submitReferral", entries[0].GetProperty("what").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal("READ", entries[1].GetProperty("action").GetString());
        Assert.Equal("REST", entries[1].GetProperty("api").GetString());
    }

    [Fact]
    public async Task Rest_shows_the_same_trail_to_the_la()
    {
        var world = new PlacementWorld(server, "901");
        var pupilId = await world.RegisterPupilAsync((await world.SchoolUrnsAsync())[2], yearGroup: 2);
        var la = await world.LaAsync();
        await server.PostAsync(la, PupilQuery, new { id = pupilId });

        var graphql = (await TrailAsync(la, pupilId)).GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("cursor").GetString()).ToList();
        var rest = await server.GetAsync(la, $"/api/v1/audit?pupilId={pupilId}&limit=500");

        Assert.Equal(200, rest.Status);
        Assert.Equal(graphql, rest.Json.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("cursor").GetString()));
        Assert.Equal(["CHANGE", "READ"], rest.Json.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Theory]
    [InlineData("SCHOOL_STAFF")]
    [InlineData("AP_STAFF")]
    [InlineData("SPECIAL_SCHOOL_STAFF")]
    [InlineData("PARTNER")]
    public async Task Only_la_officers_read_the_trail(string role)
    {
        var token = await server.TokenAsync("901", role, role == "PARTNER" ? null : "100000");

        var graphql = await server.PostAsync(token, AuditQuery, new { first = 10 });
        var rest = await server.GetAsync(token, "/api/v1/audit");

        Assert.Equal("FORBIDDEN", graphql.FirstErrorCode);
        Assert.Equal(403, rest.Status);
        Assert.Equal("FORBIDDEN", rest.ProblemCode);
    }

    [Fact]
    public async Task Another_tenants_trail_holds_none_of_this_tenants_pupils()
    {
        var world = new PlacementWorld(server, "901");
        var pupilId = await world.RegisterPupilAsync((await world.SchoolUrnsAsync())[3], yearGroup: 7);

        var from902 = await server.GetAsync(await server.TokenAsync("902", "LA_OFFICER"), $"/api/v1/audit?pupilId={pupilId}&limit=500");
        var from901 = await server.GetAsync(await world.LaAsync(), $"/api/v1/audit?pupilId={pupilId}&limit=500");

        Assert.Empty(from902.Json.GetProperty("entries").EnumerateArray());
        Assert.NotEmpty(from901.Json.GetProperty("entries").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/v1/audit?limit=0", "limit")]
    [InlineData("/api/v1/audit?after=x", "after")]
    [InlineData("/api/v1/audit?pupilId=bob", "pupilId")]
    public async Task Bad_audit_parameters_are_named(string path, string field)
    {
        var response = await server.GetAsync(await server.TokenAsync("901", "LA_OFFICER"), path);

        Assert.Equal(400, response.Status);
        Assert.Equal("VALIDATION", response.ProblemCode);
        Assert.Equal(field, response.ProblemField);
    }

    [Fact]
    public async Task No_api_path_changes_audit_entries_and_only_the_retention_run_removes_them_once_past_their_period()
    {
        var la = await server.TokenAsync("901", "LA_OFFICER");
        var mutations = await server.PostAsync(la, "{ __schema { mutationType { fields { name args { name } } } } }");
        var openApi = JsonDocument.Parse(await server.Http.GetStringAsync("/openapi/v1.json")).RootElement;

        var mutationNames = mutations.Data.GetProperty("__schema").GetProperty("mutationType").GetProperty("fields").EnumerateArray()
            .Select(f => f.GetProperty("name").GetString()!).ToList();
        Assert.NotEmpty(mutationNames);
        Assert.DoesNotContain(mutationNames, n => n.Contains("audit", StringComparison.OrdinalIgnoreCase));
        var writes = openApi.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name != "get").Select(o => $"{o.Name} {p.Name}")).ToList();
        Assert.NotEmpty(writes);
        Assert.DoesNotContain(writes, w => w.Contains("audit", StringComparison.OrdinalIgnoreCase));
        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete })
        {
            var response = await server.Http.SendRestAsync(method, la, "/api/v1/audit", "{}");
            Assert.Equal(405, response.Status);
        }

        // The shared server keeps the default policy (six years) and its clock moves by weeks: a real run removes no entry.
        var before = await server.GetAsync(la, "/api/v1/audit?limit=5");
        var run = await server.Http.SendRestAsync(HttpMethod.Post, la, "/api/v1/retention-runs", """{"dryRun":false}""");
        var after = await server.GetAsync(la, "/api/v1/audit?limit=5");
        Assert.Equal(200, run.Status);
        Assert.Equal(0, run.Json.GetProperty("audit").GetProperty("entries").GetInt32());
        Assert.Equal(before.Json.GetProperty("entries").GetRawText(), after.Json.GetProperty("entries").GetRawText());
    }

    private async Task<JsonElement> TrailAsync(string token, string pupilId, string? after = null)
    {
        var response = await server.PostAsync(token, AuditQuery, new { pupilId, after, first = 500 });
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty("auditTrail");
    }

    private async Task<string> SettingWithFullTimePlaceAsync(PlacementWorld world)
    {
        var response = await server.PostAsync(await world.LaAsync(), "{ apCapacity(filter: { keyStage: KS3, fullTime: true, registeredOnly: true }) { setting { urn } } }");
        return response.Data.GetProperty("apCapacity")[0].GetProperty("setting").GetProperty("urn").GetString()!;
    }
}
