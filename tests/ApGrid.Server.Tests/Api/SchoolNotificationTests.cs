using System.Text.Json;

namespace ApGrid.Server.Tests.Api;

/// <summary>
/// Schools tell the LA about every placement they commission (issue 26): the notification is on
/// the LA's awaiting-acknowledgement list the moment the placement is recorded, the LA acknowledges
/// or queries it, the home school answers, and nobody else acts on it or sees it.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class SchoolNotificationTests(RunningServerFixture server)
{
    private const string NotificationFields = "id route weeklyHours startDate plannedEndDate setting { urn name } pupil { id homeSchool { urn } } laNotification { status notifiedAt openQuestion history { step by note } }";

    [Fact]
    public async Task A_school_commissioned_placement_is_on_the_LAs_list_at_once_until_acknowledged()
    {
        var world = new PlacementWorld(server, "901");
        var schoolUrn = (await world.SchoolUrnsAsync())[^1];
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn);
        var la = await world.LaAsync();
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 9);
        var apUrn = await world.SettingAsync(school: true, "KS3");
        await world.EnsureFreeSessionsAsync(apUrn, "MON_PM", "TUE_PM", "WED_PM");
        var today = await world.TodayAsync();
        var start = await world.StartAfterNoticeAsync(schoolUrn, today, 0);

        var placed = await world.ArrangeAsync(school, PlacementWorld.Arrangement(pupil, "OFF_SITE_DIRECTION", apUrn, start, ["MON_PM", "TUE_PM"], notice: PlacementWorld.Notice(today)));
        Assert.False(placed.HasErrors, placed.Body);
        var placementId = placed.Data.GetProperty("arrangePlacement").GetProperty("id").GetString()!;

        // At once: the very next read, no waiting.
        var listed = Listed(await ListAsync(la), placementId);
        Assert.Equal("AWAITING_ACKNOWLEDGEMENT", listed.GetProperty("laNotification").GetProperty("status").GetString());
        Assert.Equal(("OFF_SITE_DIRECTION", apUrn, schoolUrn), (listed.GetProperty("route").GetString(), listed.GetProperty("setting").GetProperty("urn").GetString(), listed.GetProperty("pupil").GetProperty("homeSchool").GetProperty("urn").GetString()));
        Assert.True(listed.GetProperty("weeklyHours").GetDouble() > 0);
        Assert.Equal(PlacementWorld.Iso(start), listed.GetProperty("startDate").GetString());

        // The LA queries; the school sees the question on its placement and answers; the LA acknowledges.
        var queried = await RespondAsync(la, "queryPlacementNotification", placementId, "question", "Who brings the pupil on Tuesdays?");
        Assert.Equal(("QUERIED", "Who brings the pupil on Tuesdays?"), (queried.GetProperty("status").GetString(), queried.GetProperty("openQuestion").GetString()));
        var schoolList = await ListAsync(school);
        Assert.Equal("QUERIED", Listed(schoolList, placementId).GetProperty("laNotification").GetProperty("status").GetString());
        var answered = await RespondAsync(school, "answerPlacementQuery", placementId, "answer", "The provider's minibus.");
        Assert.Equal("AWAITING_ACKNOWLEDGEMENT", answered.GetProperty("status").GetString());
        var acknowledged = await RespondAsync(la, "acknowledgePlacementNotification", placementId, "note", null);
        Assert.Equal("ACKNOWLEDGED", acknowledged.GetProperty("status").GetString());
        Assert.Equal(["NOTIFIED", "QUERIED", "ANSWERED", "ACKNOWLEDGED"], acknowledged.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("step").GetString()!));
        Assert.DoesNotContain((await ListAsync(la)).EnumerateArray(), p => p.GetProperty("id").GetString() == placementId);

        // Acknowledged once: a second acknowledgement is refused and changes nothing.
        var again = await server.PostAsync(la, "mutation($id: ID!) { acknowledgePlacementNotification(placementId: $id) { id } }", new { id = placementId });
        Assert.Equal(("CONFLICT", "placementId"), (again.FirstErrorCode, again.FirstErrorField));

        // A change to the acknowledged placement is news again.
        var amended = await server.PostAsync(school, "mutation($input: AmendPlacementInput!) { amendPlacement(input: $input) { laNotification { status history { step note } } } }", new
        {
            input = new { placementId, effectiveFrom = PlacementWorld.Iso(start), sessions = new[] { "MON_PM", "TUE_PM", "WED_PM" }, reason = "Wednesday added" },
        });
        Assert.False(amended.HasErrors, amended.Body);
        var renotified = amended.Data.GetProperty("amendPlacement").GetProperty("laNotification");
        Assert.Equal("AWAITING_ACKNOWLEDGEMENT", renotified.GetProperty("status").GetString());
        Assert.Equal(("CHANGED", "Wednesday added"), (renotified.GetProperty("history")[4].GetProperty("step").GetString(), renotified.GetProperty("history")[4].GetProperty("note").GetString()));
        Assert.Contains((await ListAsync(la)).EnumerateArray(), p => p.GetProperty("id").GetString() == placementId);
    }

    [Fact]
    public async Task Only_the_LA_acknowledges_and_only_the_home_school_answers_and_others_see_nothing()
    {
        var world = new PlacementWorld(server, "901");
        var schools = await world.SchoolUrnsAsync();
        var (schoolUrn, otherUrn) = (schools[^1], schools[0]);
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn);
        var otherSchool = await server.TokenAsync("901", "SCHOOL_STAFF", otherUrn);
        var la = await world.LaAsync();
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 8);
        var apUrn = await world.SettingAsync(school: true, "KS3");
        await world.EnsureFreeSessionsAsync(apUrn, "THU_AM");
        var today = await world.TodayAsync();
        var start = await world.StartAfterNoticeAsync(schoolUrn, today, 0);
        var placed = await world.ArrangeAsync(school, PlacementWorld.Arrangement(pupil, "OFF_SITE_DIRECTION", apUrn, start, ["THU_AM"], notice: PlacementWorld.Notice(today)));
        Assert.False(placed.HasErrors, placed.Body);
        var placementId = placed.Data.GetProperty("arrangePlacement").GetProperty("id").GetString()!;
        var ap = await server.TokenAsync("901", "AP_STAFF", apUrn);

        // The school cannot acknowledge its own notification; the LA cannot answer for the school.
        var selfAcknowledged = await server.PostAsync(school, "mutation($id: ID!) { acknowledgePlacementNotification(placementId: $id) { id } }", new { id = placementId });
        Assert.Equal("FORBIDDEN", selfAcknowledged.FirstErrorCode);
        await RespondAsync(la, "queryPlacementNotification", placementId, "question", "Is the notice copied to the LA?");
        var laAnswers = await server.PostAsync(la, "mutation($id: ID!) { answerPlacementQuery(placementId: $id, answer: \"Yes\") { id } }", new { id = placementId });
        Assert.Equal("FORBIDDEN", laAnswers.FirstErrorCode);

        // Another school and the provider act on it as on a placement that does not exist.
        var missing = await server.PostAsync(otherSchool, "mutation($id: ID!) { answerPlacementQuery(placementId: $id, answer: \"x\") { id } }", new { id = "pupil-0-placement-1" });
        var other = await server.PostAsync(otherSchool, "mutation($id: ID!) { answerPlacementQuery(placementId: $id, answer: \"x\") { id } }", new { id = placementId });
        Assert.Equal((missing.FirstErrorCode, missing.FirstErrorField), (other.FirstErrorCode, other.FirstErrorField));
        var byAp = await server.PostAsync(ap, "mutation($id: ID!) { acknowledgePlacementNotification(placementId: $id) { id } }", new { id = placementId });
        Assert.True(byAp.HasErrors);

        // Neither finds it on the list; the provider sees its placement but not the LA's question.
        Assert.DoesNotContain((await ListAsync(otherSchool)).EnumerateArray(), p => p.GetProperty("id").GetString() == placementId);
        var apView = await server.PostAsync(ap, "query($urn: String!) { apSetting(urn: $urn) { placements(status: ACTIVE) { id laNotification { status openQuestion } } } }", new { urn = apUrn });
        Assert.False(apView.HasErrors, apView.Body);
        var seenByAp = apView.Data.GetProperty("apSetting").GetProperty("placements").EnumerateArray().Single(p => p.GetProperty("id").GetString() == placementId);
        Assert.Equal(JsonValueKind.Null, seenByAp.GetProperty("laNotification").ValueKind);

        // A refused query changes nothing.
        var empty = await server.PostAsync(la, "mutation($id: ID!) { queryPlacementNotification(placementId: $id, question: \"  \") { id } }", new { id = placementId });
        Assert.Equal(("VALIDATION", "question"), (empty.FirstErrorCode, empty.FirstErrorField));
        Assert.Equal("Is the notice copied to the LA?", Listed(await ListAsync(la), placementId).GetProperty("laNotification").GetProperty("openQuestion").GetString());
    }

    [Fact]
    public async Task The_LAs_own_placements_are_not_notified()
    {
        var world = new PlacementWorld(server, "901");
        var schoolUrn = (await world.SchoolUrnsAsync())[^1];
        var la = await world.LaAsync();
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 10);
        var apUrn = await world.SettingAsync(school: true, "KS4");
        await world.EnsureFreeSessionsAsync(apUrn, "FRI_AM");
        var today = await world.TodayAsync();

        var placed = await world.ArrangeAsync(la, PlacementWorld.Arrangement(pupil, "S19_HEALTH_OR_OTHER", apUrn, today, ["FRI_AM"]));

        Assert.False(placed.HasErrors, placed.Body);
        var placementId = placed.Data.GetProperty("arrangePlacement").GetProperty("id").GetString()!;
        var read = await server.PostAsync(la, "query($id: ID!) { pupil(id: $id) { placements { id laNotification { status } } } }", new { id = pupil });
        Assert.Equal(JsonValueKind.Null, read.Data.GetProperty("pupil").GetProperty("placements").EnumerateArray().Single(p => p.GetProperty("id").GetString() == placementId).GetProperty("laNotification").ValueKind);
        Assert.DoesNotContain((await ListAsync(la)).EnumerateArray(), p => p.GetProperty("id").GetString() == placementId);
    }

    private async Task<JsonElement> ListAsync(string token)
    {
        var response = await server.PostAsync(token, "{ placementsAwaitingAcknowledgement { " + NotificationFields + " } }");
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty("placementsAwaitingAcknowledgement");
    }

    private static JsonElement Listed(JsonElement list, string placementId) =>
        list.EnumerateArray().Single(p => p.GetProperty("id").GetString() == placementId);

    private async Task<JsonElement> RespondAsync(string token, string mutation, string placementId, string noteArgument, string? note)
    {
        var response = await server.PostAsync(token, $"mutation($id: ID!, $note: String{(noteArgument == "note" ? "" : "!")}) {{ {mutation}(placementId: $id, {noteArgument}: $note) {{ laNotification {{ status openQuestion history {{ step note }} }} }} }}", new { id = placementId, note });
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty(mutation).GetProperty("laNotification");
    }
}
