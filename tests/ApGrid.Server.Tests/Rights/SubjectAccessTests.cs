using System.Text.Json;
using ApGrid.Server.Tests.Api;
using ApGrid.Server.Tests.Rest;

namespace ApGrid.Server.Tests.Rights;

/// <summary>The subject-access export (issue 29, children's data rights) through a running server on its SQLite storage.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class SubjectAccessTests(RunningServerFixture server)
{
    private const string Tenant = "901";

    private static string ExportPath(string pupilId, string? format = null) => $"/api/v1/pupils/{pupilId}/subject-access" + (format is null ? "" : "?format=" + format);

    [Fact]
    public async Task The_export_holds_the_placement_attendance_EHC_case_and_audit_of_reads_and_is_itself_audited()
    {
        var world = new AttendanceWorld(server, Tenant);
        var urn = await world.Ks3SettingAsync();
        var schoolUrn = (await world.Placements.SchoolUrnsAsync())[0];
        var (day, placed) = await world.PlaceAsync(schoolUrn, urn, 1);
        var (pupilId, placementId) = placed[0];
        var school = await server.TokenAsync(Tenant, "SCHOOL_STAFF", schoolUrn);
        var marked = await server.PutAsync(await server.TokenAsync(Tenant, "AP_STAFF", urn), $"/api/v1/ap-settings/{urn}/register/{AttendanceWorld.Iso(day)}",
            AttendanceWorld.Marks((pupilId, AttendanceWorld.SessionOf(day, true), "/")));
        Assert.Equal(200, marked.Status);
        var ehc = await server.PostAsync(school, "mutation($id: ID!, $on: Date!) { requestEhcAssessment(pupilId: $id, requestedOn: $on) { stage } }",
            new { id = pupilId, on = AttendanceWorld.Iso(day) });
        Assert.False(ehc.HasErrors, ehc.Body);
        var read = await server.PostAsync(school, "query($id: ID!) { pupil(id: $id) { initials } }", new { id = pupilId });
        Assert.False(read.HasErrors, read.Body);
        var la = await world.Placements.LaAsync();

        // Marks reach the placement's attendance through the outbox: wait for them rather than for a fixed time.
        RestResponse export = null!;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            export = await server.GetAsync(la, ExportPath(pupilId));
            Assert.Equal(200, export.Status);
            if (export.Json.GetProperty("attendance").GetArrayLength() > 0) break;
            await Task.Delay(200);
        }

        Assert.Equal("application/json", export.MediaType);
        var json = export.Json;
        Assert.Equal(pupilId, json.GetProperty("pupilId").GetString());
        Assert.Equal(schoolUrn, json.GetProperty("record").GetProperty("homeSchoolUrn").GetString());
        Assert.Equal("TW", json.GetProperty("record").GetProperty("initials").GetString());
        var placement = Assert.Single(json.GetProperty("placements").EnumerateArray());
        Assert.Equal(placementId, placement.GetProperty("placementId").GetString());
        Assert.Equal(urn, placement.GetProperty("apUrn").GetString());
        Assert.Equal("LA_PANEL", placement.GetProperty("route").GetString());
        Assert.False(placement.TryGetProperty("changeList", out _), "computed properties are not records held");
        Assert.Single(json.GetProperty("referrals").EnumerateArray());
        var mark = Assert.Single(json.GetProperty("attendance").EnumerateArray());
        Assert.Equal((placementId, AttendanceWorld.Iso(day), "/"), (mark.GetProperty("placementId").GetString(), mark.GetProperty("date").GetString(), mark.GetProperty("code").GetString()));
        Assert.Equal("REQUESTED", json.GetProperty("ehcCase").GetProperty("stage").GetString());
        var audit = json.GetProperty("audit").EnumerateArray().ToList();
        Assert.Contains(audit, e => e.GetProperty("role").GetString() == "SCHOOL_STAFF" && e.GetProperty("action").GetString() == "READ" && e.GetProperty("api").GetString() == "GRAPHQL_HTTP");
        Assert.Contains(audit, e => e.GetProperty("role").GetString() == "AP_STAFF" && e.GetProperty("action").GetString() == "CHANGE");

        // The export is a read of the record like any other: the trail names it, and the next export shows it.
        var trail = await server.GetAsync(la, $"/api/v1/audit?pupilId={pupilId}&limit=500");
        Assert.Contains(trail.Json.GetProperty("entries").EnumerateArray(), e =>
            e.GetProperty("role").GetString() == "LA_OFFICER" && e.GetProperty("api").GetString() == "REST"
            && e.GetProperty("what").EnumerateArray().Any(w => w.GetString() == "GET /api/v1/pupils/{pupilId}/subject-access"));

        var readable = await server.GetAsync(la, ExportPath(pupilId, "html"));
        Assert.Equal((200, "text/html"), (readable.Status, readable.MediaType));
        Assert.Contains("Everything ApGrid holds about pupil " + pupilId, readable.Body, StringComparison.Ordinal);
        Assert.Contains(placementId, readable.Body, StringComparison.Ordinal);
        Assert.Contains("Home school URN", readable.Body, StringComparison.Ordinal);
        Assert.Contains("LA panel", readable.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("LA_PANEL", readable.Body, StringComparison.Ordinal);
        Assert.Contains("GET /api/v1/pupils/{pupilId}/subject-access", readable.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_role_but_the_LA_is_refused_and_another_tenants_pupil_answers_as_a_missing_one()
    {
        var world = new PlacementWorld(server, Tenant);
        var schoolUrn = (await world.SchoolUrnsAsync())[0];
        var pupilId = await world.RegisterPupilAsync(schoolUrn, yearGroup: 8);
        var apUrn = (await server.ApSettingUrnsAsync(Tenant))[0];
        var special = (await server.PostAsync(await world.LaAsync(), "{ localAuthority { specialSchools { urn } } }"))
            .Data.GetProperty("localAuthority").GetProperty("specialSchools")[0].GetProperty("urn").GetString()!;
        string[] refused =
        [
            await server.TokenAsync(Tenant, "SCHOOL_STAFF", schoolUrn),
            await server.TokenAsync(Tenant, "AP_STAFF", apUrn),
            await server.TokenAsync(Tenant, "SPECIAL_SCHOOL_STAFF", special),
            await server.TokenAsync(Tenant, "PARTNER"),
        ];
        foreach (var token in refused)
        {
            foreach (var response in new[]
            {
                await server.GetAsync(token, ExportPath(pupilId)),
                await server.GetAsync(token, ExportPath("p-0000000000")),
                await server.Http.SendRestAsync(HttpMethod.Post, token, $"/api/v1/pupils/{pupilId}/erasure", """{"reason":"Parent asked"}"""),
                await server.Http.SendRestAsync(HttpMethod.Post, token, "/api/v1/retention-runs", """{"dryRun":true}"""),
            })
            {
                Assert.Equal((403, "FORBIDDEN"), (response.Status, response.ProblemCode));
            }
        }

        using var apiKey = new HttpRequestMessage(HttpMethod.Get, ExportPath(pupilId));
        apiKey.Headers.Add("X-Api-Key", RunningServerFixture.PartnerApiKey);
        using var partnerByKey = await server.Http.SendAsync(apiKey);
        Assert.Equal(403, (int)partnerByKey.StatusCode);

        var otherLa = await server.TokenAsync("902", "LA_OFFICER");
        foreach (var (path, method, body) in new (string, HttpMethod, string?)[]
        {
            ("/subject-access", HttpMethod.Get, null),
            ("/erasure", HttpMethod.Post, """{"reason":"Parent asked"}"""),
        })
        {
            var theirs = await server.Http.SendRestAsync(method, otherLa, $"/api/v1/pupils/{pupilId}{path}", body);
            var missing = await server.Http.SendRestAsync(method, otherLa, $"/api/v1/pupils/p-0000000000{path}", body);
            Assert.Equal((404, "NOT_FOUND"), (theirs.Status, theirs.ProblemCode));
            Assert.Equal((missing.Status, missing.ProblemCode, missing.ProblemField, Detail(missing)), (theirs.Status, theirs.ProblemCode, theirs.ProblemField, Detail(theirs)));
        }

        // Without a body the run is a dry run: the shared server's pupils are all far inside the policy anyway.
        var dryRun = await server.Http.SendRestAsync(HttpMethod.Post, await world.LaAsync(), "/api/v1/retention-runs", null);
        Assert.Equal((200, true), (dryRun.Status, dryRun.Json.GetProperty("dryRun").GetBoolean()));

        // Nothing above erased or touched the pupil.
        var still = await server.PostAsync(await world.LaAsync(), "query($id: ID!) { pupil(id: $id) { id } }", new { id = pupilId });
        Assert.Equal(pupilId, still.Data.GetProperty("pupil").GetProperty("id").GetString());
    }

    private static string? Detail(RestResponse response) => response.Json.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
}
