using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ApGrid.Domain;

namespace ApGrid.Server.Tests.Api;

/// <summary>
/// The registerPupil UPN oracle (issue 29, leak 2): a school registering a UPN another record holds
/// gets exactly the answer it gets for a new UPN; the match goes on the LA's worklist, the attempt
/// is audited, and the LA decides.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed partial class UpnMatchTests(RunningServerFixture server)
{
    private const string Tenant = "901";

    private const string Register = """
        mutation($input: RegisterPupilInput!) { registerPupil(input: $input) { id upn initials keyStage homeSchool { urn } } }
        """;

    private const string Matches = """
        query($all: Boolean) { upnMatches(all: $all) { upn pupil { id } existingPupil { id homeSchool { urn } } schoolUrn registeredBy registeredAt decision decidedBy decidedAt } }
        """;

    private const string Resolve = "mutation($id: ID!, $decision: UpnMatchDecision!) { resolveUpnMatch(pupilId: $id, decision: $decision) { decision pupil { id } } }";

    [Fact]
    public async Task A_school_gets_the_same_answer_for_a_known_and_an_unknown_upn_and_the_la_sees_the_match_audited()
    {
        var (first, second) = await TwoSchoolsAsync();
        var known = NewUpn();
        var existing = await RegisterAsync(first, known);
        Assert.False(existing.HasErrors, existing.Body);

        var again = await RegisterAsync(second, known);
        var fresh = await RegisterAsync(second, NewUpn());

        Assert.Equal(fresh.Status, again.Status);
        Assert.False(again.HasErrors, again.Body);
        Assert.Equal(Shape(fresh.Body), Shape(again.Body));

        var la = await server.TokenAsync(Tenant, "LA_OFFICER");
        var pupilId = Id(again);
        var match = Assert.Single(await MatchesAsync(la, all: false), m => m.GetProperty("pupil").GetProperty("id").GetString() == pupilId);
        Assert.Equal(known, match.GetProperty("upn").GetString());
        Assert.Equal(Id(existing), match.GetProperty("existingPupil").GetProperty("id").GetString());
        Assert.Equal(second.Urn, match.GetProperty("schoolUrn").GetString());
        Assert.Equal(JsonValueKind.Null, match.GetProperty("decision").ValueKind);
        Assert.DoesNotContain(await MatchesAsync(la, all: true), m => m.GetProperty("pupil").ValueKind != JsonValueKind.Null && m.GetProperty("pupil").GetProperty("id").GetString() == Id(fresh));

        // The attempt is on the audit trail: who registered, as what, over which API.
        var trail = await server.PostAsync(la, "query($id: ID) { auditTrail(pupilId: $id) { entries { role action what } } }", new { id = pupilId });
        Assert.False(trail.HasErrors, trail.Body);
        Assert.Contains(trail.Data.GetProperty("auditTrail").GetProperty("entries").EnumerateArray(), e =>
            e.GetProperty("role").GetString() == "SCHOOL_STAFF" && e.GetProperty("action").GetString() == "CHANGE"
            && e.GetProperty("what").EnumerateArray().Any(w => w.GetString() == "Mutation.registerPupil"));
    }

    [Fact]
    public async Task The_la_transfers_or_rejects_and_the_registration_is_withdrawn_either_way()
    {
        var (first, second) = await TwoSchoolsAsync();
        var la = await server.TokenAsync(Tenant, "LA_OFFICER");
        var transferred = NewUpn();
        var rejected = NewUpn();
        var existingT = Id(await RegisterAsync(first, transferred));
        var existingR = Id(await RegisterAsync(first, rejected));
        var duplicateT = Id(await RegisterAsync(second, transferred));
        var duplicateR = Id(await RegisterAsync(second, rejected));
        await WaitForMatchesAsync(la, duplicateT, duplicateR);

        var transfer = await server.PostAsync(la, Resolve, new { id = duplicateT, decision = "TRANSFER" });
        var reject = await server.PostAsync(la, Resolve, new { id = duplicateR, decision = "REJECT" });
        var twice = await server.PostAsync(la, Resolve, new { id = duplicateR, decision = "REJECT" });

        Assert.False(transfer.HasErrors, transfer.Body);
        Assert.False(reject.HasErrors, reject.Body);
        Assert.Equal("NOT_FOUND", twice.FirstErrorCode);
        Assert.Equal(JsonValueKind.Null, transfer.Data.GetProperty("resolveUpnMatch").GetProperty("pupil").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await server.PostAsync(la, "query($id: ID!) { pupil(id: $id) { id } }", new { id = duplicateR })).Data.GetProperty("pupil").ValueKind);
        Assert.Equal(second.Urn, await EventuallyHomeSchoolAsync(la, existingT, second.Urn));
        Assert.Equal(first.Urn, await HomeSchoolAsync(la, existingR));

        var decided = await MatchesAsync(la, all: true);
        Assert.Contains(decided, m => m.GetProperty("existingPupil").GetProperty("id").GetString() == existingT && m.GetProperty("decision").GetString() == "TRANSFER");
        Assert.Contains(decided, m => m.GetProperty("existingPupil").GetProperty("id").GetString() == existingR && m.GetProperty("decision").GetString() == "REJECT");
        Assert.DoesNotContain(await MatchesAsync(la, all: false), m => m.GetProperty("existingPupil").GetProperty("id").GetString() is var id && (id == existingT || id == existingR));
    }

    [Fact]
    public async Task Only_la_officers_see_or_decide_matches_and_the_la_itself_is_told_of_a_known_upn()
    {
        var (first, second) = await TwoSchoolsAsync();
        var la = await server.TokenAsync(Tenant, "LA_OFFICER");
        var upn = NewUpn();
        await RegisterAsync(first, upn);
        var duplicate = Id(await RegisterAsync(second, upn));

        foreach (var token in new[] { second.Token, await server.TokenAsync(Tenant, "PARTNER"), await server.TokenAsync(Tenant, "AP_STAFF", (await server.ApSettingUrnsAsync(Tenant))[0]), await server.TokenAsync("902", "LA_OFFICER") })
        {
            var listed = await server.PostAsync(token, Matches, new { all = true });
            Assert.True(listed.HasErrors || !listed.Body.Contains(duplicate, StringComparison.Ordinal), listed.Body);
            var decided = await server.PostAsync(token, Resolve, new { id = duplicate, decision = "TRANSFER" });
            Assert.True(decided.FirstErrorCode is "FORBIDDEN" or "NOT_FOUND", decided.Body);
        }

        await WaitForMatchesAsync(la, duplicate);
        var byLa = await server.PostAsync(la, Register, new { input = Input(second.Urn, upn) });
        Assert.Equal(("VALIDATION", "upn"), (byLa.FirstErrorCode, byLa.FirstErrorField));
    }

    private async Task<((string Urn, string Token) First, (string Urn, string Token) Second)> TwoSchoolsAsync()
    {
        var schools = await new PlacementWorld(server, Tenant).SchoolUrnsAsync();
        return ((schools[2], await server.TokenAsync(Tenant, "SCHOOL_STAFF", schools[2])), (schools[3], await server.TokenAsync(Tenant, "SCHOOL_STAFF", schools[3])));
    }

    private async Task<GraphQLResponse> RegisterAsync((string Urn, string Token) school, string upn) =>
        await server.PostAsync(school.Token, Register, new { input = Input(school.Urn, upn) });

    private static object Input(string schoolUrn, string upn) => new
    {
        upn,
        initials = "KM",
        dateOfBirth = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        yearGroup = 7,
        homeSchoolUrn = schoolUrn,
        senProvision = "SEN_SUPPORT",
        lookedAfter = false,
    };

    private async Task<List<JsonElement>> MatchesAsync(string la, bool all)
    {
        var response = await server.PostAsync(la, Matches, new { all });
        Assert.False(response.HasErrors, response.Body);
        return [.. response.Data.GetProperty("upnMatches").EnumerateArray()];
    }

    /// <summary>The worklist takes a match from the registration's outbox, just after the school's answer.</summary>
    private async Task WaitForMatchesAsync(string la, params string[] pupilIds)
    {
        for (var i = 0; i < 50; i++)
        {
            var listed = (await MatchesAsync(la, all: false)).Select(m => m.GetProperty("pupil").GetProperty("id").GetString()).ToHashSet();
            if (pupilIds.All(listed.Contains)) return;
            await Task.Delay(100);
        }

        Assert.Fail("The matches never reached the LA's worklist.");
    }

    private async Task<string?> HomeSchoolAsync(string la, string pupilId) =>
        (await server.PostAsync(la, "query($id: ID!) { pupil(id: $id) { homeSchool { urn } } }", new { id = pupilId })).Data.GetProperty("pupil").GetProperty("homeSchool").GetProperty("urn").GetString();

    private async Task<string?> EventuallyHomeSchoolAsync(string la, string pupilId, string expected)
    {
        string? now = null;
        for (var i = 0; i < 50 && now != expected; i++)
        {
            now = await HomeSchoolAsync(la, pupilId);
            if (now != expected) await Task.Delay(100);
        }

        return now;
    }

    private static string Id(GraphQLResponse response) => response.Data.GetProperty("registerPupil").GetProperty("id").GetString()!;

    /// <summary>The answer with its values masked: what is left is the shape, which must not differ.</summary>
    private static string Shape(string body) => Values().Replace(body, "\"…\"");

    private static string NewUpn()
    {
        var last12 = Tenant + "7" + Random.Shared.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        return Upn.CheckLetterFor(last12) + last12;
    }

    [GeneratedRegex("\"[^\"]*\"(?=[,}\\]])")]
    private static partial Regex Values();
}
