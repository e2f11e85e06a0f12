using System.Net.WebSockets;
using System.Text.Json;
using ApGrid.Server.Tests.Rest;

namespace ApGrid.Server.Tests.Api;

/// <summary>
/// Property-level access inside a tenant (issue 29): a setting that may see a pupil sees its own part
/// of them (its placement, the pupil's needs), never the pupil's placements elsewhere, referrals, EHC
/// case or other schools' waiting-list entries, on every path: the pupil by id, nested under the
/// setting through a fragment, over a WebSocket, and over REST.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class PupilPartsTests(RunningServerFixture server)
{
    private const string PupilParts = """
        fragment Parts on Pupil { id
          placements { setting { urn } objectives reviews { notes } outcome }
          currentPlacement { setting { urn } }
          referrals { reason strategiesTried panelMembers }
          ehcp { stage }
          waitingListEntries { specialSchool { urn } }
          exclusions { id } corrections { reason } package { uncoveredSessions }
          attendance { toDate { possibleSessions } } }
        """;

    private const string ById = "query($id: ID!) { pupil(id: $id) { ...Parts } } " + PupilParts;
    // Lighter than Parts: a list under a list is costed as such.
    private const string ThroughSetting = """
        query($urn: String!) { apSetting(urn: $urn) { placements(status: ACTIVE) { pupil { ...Nested } } } }
        fragment Nested on Pupil { id placements { setting { urn } } currentPlacement { setting { urn } } referrals { reason } ehcp { stage }
          waitingListEntries { id } exclusions { id } corrections { reason } package { uncoveredSessions } }
        """;

    [Fact]
    public async Task An_APs_staff_see_their_own_placement_of_a_pupil_and_nothing_else_of_the_case_on_every_path()
    {
        var world = new PlacementWorld(server, "901");
        var schoolUrn = (await world.SchoolUrnsAsync())[^2];
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn);
        var la = await world.LaAsync();
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 9);
        await world.ReferAsync(pupil, schoolUrn);
        var ehcp = await server.PostAsync(school, "mutation($id: ID!, $on: Date!) { requestEhcAssessment(pupilId: $id, requestedOn: $on) { stage } }", new { id = pupil, on = PlacementWorld.Iso(await world.TodayAsync()) });
        Assert.False(ehcp.HasErrors, ehcp.Body);
        var (mine, elsewhere) = await TwoSettingsAsync(server, world, la);
        await world.DirectFromTodayAsync(school, schoolUrn, pupil, mine, ["MON_AM"]);
        await world.DirectFromTodayAsync(school, schoolUrn, pupil, elsewhere, ["TUE_AM"]);
        var ap = await server.TokenAsync("901", "AP_STAFF", mine);

        // The LA and the home school see the whole case.
        var whole = Parts(await server.PostAsync(school, ById, new { id = pupil }), "pupil");
        Assert.Equal(2, whole.GetProperty("placements").GetArrayLength());
        Assert.NotEqual(0, whole.GetProperty("referrals").GetArrayLength());
        Assert.Equal(JsonValueKind.Object, whole.GetProperty("ehcp").ValueKind);

        // The AP: by id, through its own setting with a fragment, and over a WebSocket.
        AssertOwnPartOnly(Parts(await server.PostAsync(ap, ById, new { id = pupil }), "pupil"), mine);
        var nested = await server.PostAsync(ap, ThroughSetting, new { urn = mine });
        Assert.False(nested.HasErrors, nested.Body);
        AssertOwnPartOnly(nested.Data.GetProperty("apSetting").GetProperty("placements").EnumerateArray()
            .Select(p => p.GetProperty("pupil")).Single(p => p.GetProperty("id").GetString() == pupil), mine);
        AssertOwnPartOnly(await OverWebSocketAsync(ap, pupil), mine);
    }

    [Fact]
    public async Task A_special_school_sees_its_own_waiting_entry_of_a_pupil_and_no_placement_and_an_AP_no_entry_on_any_path()
    {
        var world = new PlacementWorld(server, "901");
        var schoolUrn = (await world.SchoolUrnsAsync())[^2];
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn);
        var la = await world.LaAsync();
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 8, sen: "EHC_PLAN");
        var specials = (await server.PostAsync(la, "{ localAuthority { specialSchools { urn designations } } }")).Data.GetProperty("localAuthority").GetProperty("specialSchools")
            .EnumerateArray().Where(s => s.GetProperty("designations").EnumerateArray().Any(d => d.GetString() == "SEMH")).Select(s => s.GetProperty("urn").GetString()!).Take(2).ToList();
        var today = await world.TodayAsync();
        foreach (var special in specials)
        {
            var added = await server.PostAsync(school, "mutation($input: AddToWaitingListInput!) { addToWaitingList(input: $input) { id } }", new { input = new { pupilId = pupil, specialSchoolUrn = special, addedOn = PlacementWorld.Iso(today) } });
            Assert.False(added.HasErrors, added.Body);
        }

        var (ap, _) = await TwoSettingsAsync(server, world, la);
        await world.DirectFromTodayAsync(school, schoolUrn, pupil, ap, ["WED_PM"], copiedToLa: true);
        var specialStaff = await server.TokenAsync("901", "SPECIAL_SCHOOL_STAFF", specials[0]);
        var apStaff = await server.TokenAsync("901", "AP_STAFF", ap);

        var seenBySpecial = Parts(await server.PostAsync(specialStaff, ById, new { id = pupil }), "pupil");
        Assert.Equal(0, seenBySpecial.GetProperty("placements").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, seenBySpecial.GetProperty("currentPlacement").ValueKind);
        Assert.Equal([specials[0]], seenBySpecial.GetProperty("waitingListEntries").EnumerateArray().Select(e => e.GetProperty("specialSchool").GetProperty("urn").GetString()!));
        Assert.Equal(0, seenBySpecial.GetProperty("referrals").GetArrayLength());

        var seenByAp = Parts(await server.PostAsync(apStaff, ById, new { id = pupil }), "pupil");
        Assert.Equal(0, seenByAp.GetProperty("waitingListEntries").GetArrayLength());
        var listByAp = await server.PostAsync(apStaff, "query($urn: String!) { specialSchool(urn: $urn) { waitingList { pupil { id } } } }", new { urn = specials[0] });
        Assert.DoesNotContain(pupil, listByAp.Body, StringComparison.Ordinal);
        var rest = await server.GetAsync(apStaff, $"/api/v1/special-schools/{specials[0]}/waiting-list");
        Assert.Equal(200, rest.Status);
        Assert.DoesNotContain(rest.Json.EnumerateArray(), e => e.GetProperty("pupilId").GetString() == pupil);
    }

    private static void AssertOwnPartOnly(JsonElement pupil, string ownUrn)
    {
        var placements = pupil.GetProperty("placements").EnumerateArray().ToList();
        Assert.Single(placements);
        Assert.Equal(ownUrn, placements[0].GetProperty("setting").GetProperty("urn").GetString());
        Assert.Equal(ownUrn, pupil.GetProperty("currentPlacement").GetProperty("setting").GetProperty("urn").GetString());
        Assert.Equal(0, pupil.GetProperty("referrals").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, pupil.GetProperty("ehcp").ValueKind);
        Assert.Equal(0, pupil.GetProperty("waitingListEntries").GetArrayLength());
        Assert.Equal(0, pupil.GetProperty("exclusions").GetArrayLength());
        Assert.Equal(0, pupil.GetProperty("corrections").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, pupil.GetProperty("package").ValueKind);
    }

    private static JsonElement Parts(GraphQLResponse response, string field)
    {
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty(field);
    }

    /// <summary>Two registered KS3 settings of the tenant, with a free place in every session this test books.</summary>
    internal static async Task<(string Mine, string Elsewhere)> TwoSettingsAsync(RunningServerFixture server, PlacementWorld world, string la)
    {
        var urns = (await server.PostAsync(la, "{ localAuthority { apSettings { urn type keyStages } } }")).Data.GetProperty("localAuthority").GetProperty("apSettings").EnumerateArray()
            .Where(s => s.GetProperty("type").GetString() != "UNREGISTERED_PROVIDER" && s.GetProperty("keyStages").EnumerateArray().Any(k => k.GetString() == "KS3"))
            .Select(s => s.GetProperty("urn").GetString()!).Take(2).ToList();
        await world.EnsureFreeSessionsAsync(urns[0], "MON_AM", "WED_PM");
        await world.EnsureFreeSessionsAsync(urns[1], "TUE_AM");
        return (urns[0], urns[1]);
    }

    private async Task<JsonElement> OverWebSocketAsync(string token, string pupil)
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(server.WebSocketUri, CancellationToken.None);
        await SendAsync(socket, new { type = "connection_init", payload = new { token } });
        Assert.Equal("connection_ack", (await ReceiveAsync(socket)).GetProperty("type").GetString());
        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query = ById, variables = new { id = pupil } } });
        JsonElement answer;
        do answer = await ReceiveAsync(socket);
        while (answer.GetProperty("type").GetString() == "ping");
        Assert.Equal("next", answer.GetProperty("type").GetString());
        return answer.GetProperty("payload").GetProperty("data").GetProperty("pupil");
    }

    private static Task SendAsync(ClientWebSocket socket, object message) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonElement> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[256 * 1024];
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        return JsonDocument.Parse(buffer.AsMemory(0, result.Count)).RootElement.Clone();
    }
}
