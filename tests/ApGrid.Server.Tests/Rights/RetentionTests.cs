using System.Text.Json;
using ApGrid.Server.Tests.Api;
using ApGrid.Server.Tests.Rest;

namespace ApGrid.Server.Tests.Rights;

/// <summary>The retention job and erasure on request (issue 29) end to end on a server's SQLite storage.</summary>
[Collection(RetentionCollection.Name)]
public sealed class RetentionTests(RetentionServerFixture server)
{
    private const string Tenant = "901";

    [Fact]
    public async Task A_dry_run_lists_without_changing_then_the_real_run_erases_the_pupil_past_retention_audits_it_and_leaves_the_others()
    {
        var world = new PlacementWorld(server, Tenant);
        var schoolUrn = (await world.SchoolUrnsAsync())[0];
        var la = await world.LaAsync();
        var past = await world.RegisterPupilAsync(schoolUrn, yearGroup: 11);
        var young = await world.RegisterPupilAsync(schoolUrn, yearGroup: 3);
        var open = await world.RegisterPupilAsync(schoolUrn, yearGroup: 11);
        var declined = await world.ReferAsync(past, schoolUrn, approve: false);
        var decided = await server.PostAsync(la, """
            mutation($id: ID!, $on: Date!) { decideReferral(input: { referralId: $id, approved: false, panelMembers: ["Inclusion lead", "Educational psychologist"], decidedOn: $on }) { status } }
            """, new { id = declined, on = PlacementWorld.Iso(await world.TodayAsync()) });
        Assert.False(decided.HasErrors, decided.Body);
        await world.ReferAsync(open, schoolUrn, approve: false);

        // More than a page of audit entries (128), all of which will be past the one-year audit period.
        for (var i = 0; i < 130; i++) Assert.False((await ReadAsync(la, young)).HasErrors);
        await world.AdvanceDaysAsync(2 * 365 + 1);

        var dry = await RunAsync(la, """{"dryRun":true}""");
        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        var wouldErase = Pupil(dry, past);
        Assert.True(wouldErase.GetProperty("erased").GetBoolean());
        Assert.Equal(1, wouldErase.GetProperty("removed").GetProperty("REFERRAL").GetInt32());
        Assert.Equal(1, wouldErase.GetProperty("removed").GetProperty("PUPIL_RECORD").GetInt32());
        Assert.Equal(["REFERRAL"], Pupil(dry, open).GetProperty("held").EnumerateArray().Select(k => k.GetString()));
        Assert.False(Pupil(dry, open).GetProperty("erased").GetBoolean());
        Assert.DoesNotContain(dry.GetProperty("pupils").EnumerateArray(), p => p.GetProperty("pupilId").GetString() == young);
        Assert.True(dry.GetProperty("audit").GetProperty("entries").GetInt32() >= 128);
        Assert.False((await ReadAsync(la, past)).HasErrors);
        Assert.Equal("000000000001", (await server.GetAsync(la, "/api/v1/audit?limit=1")).Json.GetProperty("entries")[0].GetProperty("cursor").GetString());

        var real = await RunAsync(la, """{"dryRun":false}""");
        Assert.False(real.GetProperty("dryRun").GetBoolean());
        Assert.True(Pupil(real, past).GetProperty("erased").GetBoolean());
        var auditRemoved = real.GetProperty("audit");
        Assert.True(auditRemoved.GetProperty("entries").GetInt32() >= 128);

        Assert.Equal("NOT_FOUND", (await ReadAsync(la, past)).FirstErrorCode);
        Assert.Equal(404, (await server.GetAsync(la, $"/api/v1/pupils/{past}/subject-access")).Status);
        Assert.Equal("TW", (await ReadAsync(la, young)).Data.GetProperty("pupil").GetProperty("initials").GetString());
        Assert.Equal(1, (await ReadAsync(la, open)).Data.GetProperty("pupil").GetProperty("referrals").GetArrayLength());

        // The erasure reaches the trail through the outbox; the expired pages are gone from the start of it.
        var erasureAudit = await EventuallyAsync(async () =>
            (await server.GetAsync(la, $"/api/v1/audit?pupilId={past}&limit=500")).Json.GetProperty("entries").EnumerateArray()
                .FirstOrDefault(e => e.GetProperty("action").GetString() == "CHANGE" && e.GetProperty("what")[0].GetString() == "retention period over: erased"));
        Assert.Equal("LA_OFFICER", erasureAudit.GetProperty("role").GetString());
        var first = (await server.GetAsync(la, "/api/v1/audit?limit=1")).Json.GetProperty("entries")[0];
        Assert.True(string.CompareOrdinal(first.GetProperty("cursor").GetString(), auditRemoved.GetProperty("throughCursor").GetString()) > 0);
        var trail = await server.GetAsync(la, $"/api/v1/audit?after={auditRemoved.GetProperty("throughCursor").GetString()}&limit=500");
        Assert.Contains(trail.Json.GetProperty("entries").EnumerateArray(), e => e.GetProperty("what")[0].GetString()!.StartsWith("retention removed ", StringComparison.Ordinal));

        // Run again: the erased pupil is gone from the LA's list, so there is nothing more to do for them.
        var again = await RunAsync(la, """{"dryRun":false}""");
        Assert.DoesNotContain(again.GetProperty("pupils").EnumerateArray(), p => p.GetProperty("pupilId").GetString() == past);
    }

    [Fact]
    public async Task Erasure_on_request_needs_a_reason_waits_for_open_records_and_records_the_reason()
    {
        var world = new PlacementWorld(server, Tenant);
        var schoolUrn = (await world.SchoolUrnsAsync())[1];
        var la = await world.LaAsync();
        var pupilId = await world.RegisterPupilAsync(schoolUrn, yearGroup: 5);
        var before = (await server.PostAsync(la, "query($id: ID!) { pupil(id: $id) { upn dateOfBirth yearGroup } }", new { id = pupilId })).Data.GetProperty("pupil");
        var referralId = await world.ReferAsync(pupilId, schoolUrn, approve: false);
        var path = $"/api/v1/pupils/{pupilId}/erasure";

        var noReason = await server.Http.SendRestAsync(HttpMethod.Post, la, path, """{"reason":"  "}""");
        var stillOpen = await server.Http.SendRestAsync(HttpMethod.Post, la, path, """{"reason":"Registered in error"}""");
        Assert.Equal((422, "reason"), (noReason.Status, noReason.ProblemField));
        Assert.Equal((409, "CONFLICT"), (stillOpen.Status, stillOpen.ProblemCode));
        Assert.Contains("referral", stillOpen.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False((await ReadAsync(la, pupilId)).HasErrors);

        var withdrawn = await server.PostAsync(la, "mutation($id: ID!) { withdrawReferral(referralId: $id, reason: \"Family moved away\") { status } }", new { id = referralId });
        Assert.False(withdrawn.HasErrors, withdrawn.Body);
        var erased = await server.Http.SendRestAsync(HttpMethod.Post, la, path, """{"reason":"Registered in error: a duplicate of another child's record"}""");
        Assert.Equal(200, erased.Status);
        Assert.Equal("Registered in error: a duplicate of another child's record", erased.Json.GetProperty("reason").GetString());
        Assert.Contains("REFERRAL: 1", erased.Json.GetProperty("removed").EnumerateArray().Select(r => r.GetString()));

        Assert.Equal("NOT_FOUND", (await ReadAsync(la, pupilId)).FirstErrorCode);
        var again = await server.Http.SendRestAsync(HttpMethod.Post, la, path, """{"reason":"Registered in error"}""");
        Assert.Equal(404, again.Status);
        var audit = await EventuallyAsync(async () =>
            (await server.GetAsync(la, $"/api/v1/audit?pupilId={pupilId}&limit=500")).Json.GetProperty("entries").EnumerateArray()
                .FirstOrDefault(e => e.GetProperty("what")[0].GetString() == "erased on request, reason: Registered in error: a duplicate of another child's record"));
        Assert.Equal("CHANGE", audit.GetProperty("action").GetString());

        // The LA let go of the UPN and the school no longer lists the child: the same UPN registers afresh.
        var school = await server.TokenAsync(Tenant, "SCHOOL_STAFF", schoolUrn);
        await EventuallyAsync(async () =>
        {
            var listed = await server.PostAsync(school, "query($urn: String!) { school(urn: $urn) { pupilsConnection(first: 100) { totalCount edges { node { id } } } } }", new { urn = schoolUrn });
            return listed.Body.Contains(pupilId, StringComparison.Ordinal) ? default : listed.Data;
        });
        var registered = await EventuallyAsync(async () =>
        {
            var again = await server.PostAsync(school, """
                mutation($input: RegisterPupilInput!) { registerPupil(input: $input) { id } }
                """, new { input = new { upn = before.GetProperty("upn").GetString(), initials = "AB", dateOfBirth = before.GetProperty("dateOfBirth").GetString(), yearGroup = before.GetProperty("yearGroup").GetInt32(), homeSchoolUrn = schoolUrn, senProvision = "NONE", primaryNeed = (string?)null, lookedAfter = false } });
            return again.HasErrors ? default : again.Data;
        });
        Assert.NotEqual(pupilId, registered.GetProperty("registerPupil").GetProperty("id").GetString());
    }

    private Task<GraphQLResponse> ReadAsync(string token, string pupilId) =>
        server.PostAsync(token, "query($id: ID!) { pupil(id: $id) { id initials referrals { id } } }", new { id = pupilId });

    private async Task<JsonElement> RunAsync(string token, string body)
    {
        var response = await server.Http.SendRestAsync(HttpMethod.Post, token, "/api/v1/retention-runs", body);
        Assert.True(response.Status == 200, response.Body);
        return response.Json;
    }

    private static JsonElement Pupil(JsonElement run, string pupilId) =>
        run.GetProperty("pupils").EnumerateArray().Single(p => p.GetProperty("pupilId").GetString() == pupilId);

    private static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement>> probe)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await probe() is { ValueKind: not JsonValueKind.Undefined } found) return found;
            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException("Not seen within 10 seconds.");
    }
}
