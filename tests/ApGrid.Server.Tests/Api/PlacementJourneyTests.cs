using System.Text.Json;

namespace ApGrid.Server.Tests.Api;

/// <summary>
/// Referral to placement and back, through the API on real storage, for both demo tenants: the smoke
/// journey that shows the steps fit together. Each rule on the way has a test of its own
/// (PlacementRefusalTests, PlacementSafeguardTests, ReportTests), so a failure here with those green
/// points at the joins between steps.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class PlacementJourneyTests(RunningServerFixture server)
{
    public static TheoryData<string, string> Journeys()
    {
        var data = new TheoryData<string, string>();
        foreach (var tenant in new[] { "901", "902" })
        {
            foreach (var outcome in new[] { "RETURNED_TO_MAINSTREAM", "MOVED_TO_SPECIAL_SCHOOL", "MOVED_TO_OTHER_AP", "LEFT_EDUCATION", "OTHER" })
            {
                data.Add(tenant, outcome);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Journeys))]
    public async Task A_pupil_is_referred_placed_reviewed_and_leaves(string tenant, string outcome)
    {
        var world = new PlacementWorld(server, tenant);
        var schoolUrn = (await world.SchoolUrnsAsync())[^1];
        var pupilId = await world.RegisterPupilAsync(schoolUrn, yearGroup: 9);
        var referralId = await world.ReferAsync(pupilId, schoolUrn);
        var la = await world.LaAsync();

        // Search: settings for the pupil's key stage, ranked by the journey from the home school.
        var search = await server.PostAsync(la, """
            query($pupil: ID!) { apCapacity(filter: { nearPupil: $pupil, keyStage: KS3, registeredOnly: true }) {
              travelMinutes distanceKm setting { urn sessions { session free } } } }
            """, new { pupil = pupilId });
        Assert.False(search.HasErrors, search.Body);
        var matches = search.Data.GetProperty("apCapacity").EnumerateArray().ToList();
        var minutes = matches.Select(m => m.GetProperty("travelMinutes").GetInt32()).ToList();
        Assert.Equal(minutes.Order(), minutes);
        Assert.All(minutes, m => Assert.InRange(m, 0, 75));
        // The nearest setting; the LA makes sure it has the two afternoons free that the plan needs.
        var urn = matches[0].GetProperty("setting").GetProperty("urn").GetString()!;
        string[] sessions = ["TUE_PM", "THU_PM"];
        await world.EnsureFreeSessionsAsync(urn, sessions);

        // The notice period has passed (the clock moves first, so the report's "before" is of the start day); the placement starts.
        var start = await world.AdvancePastNoticeAsync(schoolUrn);
        var before = await world.SettingAsync(urn);
        var reportBefore = await ReportAsync(la);
        var started = await world.StartAsync(referralId, urn, start, fullTime: false, sessions);
        Assert.False(started.HasErrors, started.Body);
        var placement = started.Data.GetProperty("startPlacement");
        Assert.Equal("SUBSIDIARY", placement.GetProperty("apRegistration").GetString());
        // Reviews fall due in term weeks of the home school's calendar: four weeks unless a holiday intervenes.
        Assert.Equal(PlacementWorld.Iso((await world.CalendarAsync(start, schoolUrn)).AddTermWeeks(start, 4)), placement.GetProperty("nextReviewDue").GetString());
        var placementId = placement.GetProperty("id").GetString()!;
        var during = await world.SettingAsync(urn);
        foreach (var session in sessions) Assert.Equal(Free(before, session) - 1, Free(during, session));
        Assert.Equal(Free(during, sessions[0]), Free(await world.IndexedSettingAsync(urn), sessions[0]));
        var reportDuring = await ReportAsync(la);
        Assert.Equal(Count(reportBefore, "pupilsInApByAttendance", "PART_TIME") + 1, Count(reportDuring, "pupilsInApByAttendance", "PART_TIME"));

        // A review by the AP's own staff moves the next review on.
        var reviewDay = await world.AdvanceDaysAsync(14);
        var ap = await server.TokenAsync(tenant, "AP_STAFF", urn);
        var reviewed = await server.PostAsync(ap, """
            mutation($id: ID!, $on: Date!) { recordPlacementReview(input: { placementId: $id, date: $on, attendancePercent: 86.5, suspensions: 0, participation: 4, wellbeing: 3, notes: "Settling well" }) {
              nextReviewDue reviews { date attendancePercent } } }
            """, new { id = placementId, on = PlacementWorld.Iso(reviewDay) });
        Assert.False(reviewed.HasErrors, reviewed.Body);
        Assert.Equal(PlacementWorld.Iso((await world.CalendarAsync(reviewDay, schoolUrn)).AddTermWeeks(reviewDay, 4)), reviewed.Data.GetProperty("recordPlacementReview").GetProperty("nextReviewDue").GetString());

        // The end frees the sessions in the same step and records the outcome.
        var endDay = await world.AdvanceDaysAsync(7);
        var ended = await server.PostAsync(la, """
            mutation($id: ID!, $on: Date!, $outcome: PlacementOutcome!, $destination: PlacementDestinationInput) {
              endPlacement(input: { placementId: $id, endDate: $on, outcome: $outcome, destination: $destination }) { status outcome endDate checkInDue } }
            """, new { id = placementId, on = PlacementWorld.Iso(endDay), outcome, destination = outcome == "LEFT_EDUCATION" ? new { kind = "ELECTIVE_HOME_EDUCATION" } : null });
        Assert.False(ended.HasErrors, ended.Body);
        var end = ended.Data.GetProperty("endPlacement");
        Assert.Equal(("ENDED", outcome), (end.GetProperty("status").GetString(), end.GetProperty("outcome").GetString()));
        Assert.Equal(outcome == "RETURNED_TO_MAINSTREAM" ? PlacementWorld.Iso(endDay.AddDays(42)) : null, end.GetProperty("checkInDue").GetString());
        var after = await world.SettingAsync(urn);
        foreach (var session in sessions) Assert.Equal(Free(before, session), Free(after, session));
        var reportAfter = await ReportAsync(la);
        Assert.Equal(Count(reportBefore, "pupilsInApByAttendance", "PART_TIME"), Count(reportAfter, "pupilsInApByAttendance", "PART_TIME"));
        Assert.Equal(Count(reportBefore, "outcomes", outcome) + 1, Count(reportAfter, "outcomes", outcome));

        var pupil = await server.PostAsync(la, "query($id: ID!) { pupil(id: $id) { currentPlacement { id } referrals { status } placements { status } } }", new { id = pupilId });
        Assert.Equal(JsonValueKind.Null, pupil.Data.GetProperty("pupil").GetProperty("currentPlacement").ValueKind);
        Assert.Equal("PLACED", pupil.Data.GetProperty("pupil").GetProperty("referrals")[0].GetProperty("status").GetString());
    }

    private async Task<JsonElement> ReportAsync(string token)
    {
        var response = await server.PostAsync(token, "{ report { pupilsInApByAttendance { key count } outcomes { key count } } }");
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty("report");
    }

    private static int Count(JsonElement report, string list, string key) =>
        report.GetProperty(list).EnumerateArray().Single(c => c.GetProperty("key").GetString() == key).GetProperty("count").GetInt32();

    private static int Free(JsonElement setting, string session) =>
        setting.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("session").GetString() == session).GetProperty("free").GetInt32();
}
