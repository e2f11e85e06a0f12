namespace ApGrid.Server.Tests.Api;

/// <summary>The EHC statutory clock through the API, walked forward on the Development clock.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class EhcpTests(RunningServerFixture server)
{
    private const string Milestone = """
        mutation($pupilId: ID!, $milestone: EhcpMilestone!, $date: Date!) {
          recordEhcpMilestone(input: { pupilId: $pupilId, milestone: $milestone, date: $date }) { stage overdue finalIssuedOn annualReviewDue }
        }
        """;

    [Fact]
    public async Task A_case_runs_on_the_statutory_clock_and_the_report_counts_its_final_plan()
    {
        var world = new PlacementWorld(server, "902");
        var schoolUrn = (await world.SchoolUrnsAsync())[4];
        var pupilId = await world.RegisterPupilAsync(schoolUrn, yearGroup: 5);
        var school = await server.TokenAsync("902", "SCHOOL_STAFF", schoolUrn);
        var la = await world.LaAsync();
        var requestedOn = await world.TodayAsync();
        var finalsBefore = await FinalsAsync(la);

        var requested = await server.PostAsync(school, """
            mutation($id: ID!, $on: Date!) { requestEhcAssessment(pupilId: $id, requestedOn: $on) { stage decisionDue finalDue overdue weeksElapsed } }
            """, new { id = pupilId, on = PlacementWorld.Iso(requestedOn) });
        Assert.False(requested.HasErrors, requested.Body);
        var ehcp = requested.Data.GetProperty("requestEhcAssessment");
        Assert.Equal(PlacementWorld.Iso(requestedOn.AddDays(42)), ehcp.GetProperty("decisionDue").GetString());
        Assert.Equal(PlacementWorld.Iso(requestedOn.AddDays(140)), ehcp.GetProperty("finalDue").GetString());
        Assert.False(ehcp.GetProperty("overdue").GetBoolean());

        // Day 42 is on time; day 43 without a decision is overdue, and the tracker puts it first.
        await world.AdvanceDaysAsync(42);
        Assert.False(await OverdueAsync(la, pupilId));
        await world.AdvanceDaysAsync(1);
        Assert.True(await OverdueAsync(la, pupilId));
        var overdueOnly = await server.PostAsync(la, "{ ehcpCases(filter: { overdueOnly: true }) { pupil { id } } }");
        Assert.Contains(overdueOnly.Data.GetProperty("ehcpCases").EnumerateArray(), c => c.GetProperty("pupil").GetProperty("id").GetString() == pupilId);

        var today = await world.TodayAsync();
        var outOfOrder = await server.PostAsync(la, Milestone, new { pupilId, milestone = "FINAL_ISSUED", date = PlacementWorld.Iso(today) });
        Assert.Equal(("VALIDATION", "milestone"), (outOfOrder.FirstErrorCode, outOfOrder.FirstErrorField));
        var backwards = await server.PostAsync(la, Milestone, new { pupilId, milestone = "DECISION_TO_ASSESS", date = PlacementWorld.Iso(requestedOn.AddDays(-1)) });
        Assert.Equal(("VALIDATION", "date"), (backwards.FirstErrorCode, backwards.FirstErrorField));
        var fromSchool = await server.PostAsync(school, Milestone, new { pupilId, milestone = "DECISION_TO_ASSESS", date = PlacementWorld.Iso(today) });
        Assert.Equal("FORBIDDEN", fromSchool.FirstErrorCode);

        Assert.False((await server.PostAsync(la, Milestone, new { pupilId, milestone = "DECISION_TO_ASSESS", date = PlacementWorld.Iso(today) })).HasErrors);
        Assert.False((await server.PostAsync(la, Milestone, new { pupilId, milestone = "DRAFT_ISSUED", date = PlacementWorld.Iso(today) })).HasErrors);
        var final = await server.PostAsync(la, Milestone, new { pupilId, milestone = "FINAL_ISSUED", date = PlacementWorld.Iso(today) });
        Assert.False(final.HasErrors, final.Body);
        Assert.Equal(PlacementWorld.Iso(today.AddYears(1)), final.Data.GetProperty("recordEhcpMilestone").GetProperty("annualReviewDue").GetString());
        Assert.False(await OverdueAsync(la, pupilId));
        Assert.Equal(finalsBefore + 1, await FinalsAsync(la));
    }

    [Fact]
    public async Task Schools_see_their_own_pupils_cases_and_partners_none()
    {
        var world = new PlacementWorld(server, "901");
        var schools = await world.SchoolUrnsAsync();
        var pupilId = await world.RegisterPupilAsync(schools[5], yearGroup: 3);
        var own = await server.TokenAsync("901", "SCHOOL_STAFF", schools[5]);
        var requested = await server.PostAsync(own, "mutation($id: ID!, $on: Date!) { requestEhcAssessment(pupilId: $id, requestedOn: $on) { stage } }",
            new { id = pupilId, on = PlacementWorld.Iso(await world.TodayAsync()) });
        Assert.False(requested.HasErrors, requested.Body);

        var ownList = await server.PostAsync(own, "{ ehcpCases { pupil { id } } }");
        var otherList = await server.PostAsync(await server.TokenAsync("901", "SCHOOL_STAFF", schools[6]), "{ ehcpCases { pupil { id } } }");
        var partner = await server.PostAsync(await server.TokenAsync("901", "PARTNER"), "{ ehcpCases { stage } }");

        Assert.Contains(ownList.Data.GetProperty("ehcpCases").EnumerateArray(), c => c.GetProperty("pupil").GetProperty("id").GetString() == pupilId);
        Assert.DoesNotContain(otherList.Data.GetProperty("ehcpCases").EnumerateArray(), c => c.GetProperty("pupil").GetProperty("id").GetString() == pupilId);
        Assert.Equal("FORBIDDEN", partner.FirstErrorCode);
    }

    private async Task<bool> OverdueAsync(string la, string pupilId)
    {
        var response = await server.PostAsync(la, "query($id: ID!) { pupil(id: $id) { ehcp { overdue } } }", new { id = pupilId });
        return response.Data.GetProperty("pupil").GetProperty("ehcp").GetProperty("overdue").GetBoolean();
    }

    private async Task<int> FinalsAsync(string la)
    {
        var response = await server.PostAsync(la, "{ report { ehcpFinalIssued } }");
        return response.Data.GetProperty("report").GetProperty("ehcpFinalIssued").GetInt32();
    }
}
