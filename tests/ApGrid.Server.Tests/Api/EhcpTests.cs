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

    /// <summary>The smoke journey: requested, overdue, then decided, drafted and issued in order.</summary>
    [Fact]
    public async Task A_case_runs_on_the_statutory_clock_and_the_report_counts_its_final_plan()
    {
        var (la, _, pupilId, _, _) = await RequestedAsync();
        var finalsBefore = await FinalsAsync(la);
        await new PlacementWorld(server, "902").AdvanceDaysAsync(43);
        Assert.True(await OverdueAsync(la, pupilId));
        var today = await new PlacementWorld(server, "902").TodayAsync();

        // The draft leaves parents 15 days before the final plan may follow.
        Assert.False((await server.PostAsync(la, Milestone, new { pupilId, milestone = "DECISION_TO_ASSESS", date = PlacementWorld.Iso(today.AddDays(-15)) })).HasErrors);
        Assert.False((await server.PostAsync(la, Milestone, new { pupilId, milestone = "DRAFT_ISSUED", date = PlacementWorld.Iso(today.AddDays(-15)) })).HasErrors);
        var final = await server.PostAsync(la, Milestone, new { pupilId, milestone = "FINAL_ISSUED", date = PlacementWorld.Iso(today) });

        Assert.False(final.HasErrors, final.Body);
        Assert.Equal(PlacementWorld.Iso(today.AddYears(1)), final.Data.GetProperty("recordEhcpMilestone").GetProperty("annualReviewDue").GetString());
        Assert.False(await OverdueAsync(la, pupilId));
        Assert.Equal(finalsBefore + 1, await FinalsAsync(la));
    }

    [Fact]
    public async Task A_request_is_due_a_decision_in_six_weeks_and_a_final_plan_in_twenty()
    {
        var (_, _, _, requestedOn, requested) = await RequestedAsync();

        var ehcp = requested.Data.GetProperty("requestEhcAssessment");
        Assert.Equal(PlacementWorld.Iso(requestedOn.AddDays(42)), ehcp.GetProperty("decisionDue").GetString());
        Assert.Equal(PlacementWorld.Iso(requestedOn.AddDays(140)), ehcp.GetProperty("finalDue").GetString());
        Assert.False(ehcp.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task A_case_without_a_decision_is_on_time_on_day_42_and_overdue_and_tracked_on_day_43()
    {
        var world = new PlacementWorld(server, "902");
        var (la, _, pupilId, _, _) = await RequestedAsync();

        await world.AdvanceDaysAsync(42);
        Assert.False(await OverdueAsync(la, pupilId));
        await world.AdvanceDaysAsync(1);

        Assert.True(await OverdueAsync(la, pupilId));
        var overdueOnly = await server.PostAsync(la, "{ ehcpCases(filter: { overdueOnly: true }) { pupil { id } } }");
        Assert.Contains(overdueOnly.Data.GetProperty("ehcpCases").EnumerateArray(), c => c.GetProperty("pupil").GetProperty("id").GetString() == pupilId);
    }

    [Fact]
    public async Task A_final_plan_before_the_decision_and_draft_is_refused_on_the_milestone()
    {
        var (la, _, pupilId, _, _) = await RequestedAsync();
        var today = await new PlacementWorld(server, "902").TodayAsync();

        var outOfOrder = await server.PostAsync(la, Milestone, new { pupilId, milestone = "FINAL_ISSUED", date = PlacementWorld.Iso(today) });

        Assert.Equal(("VALIDATION", "milestone"), (outOfOrder.FirstErrorCode, outOfOrder.FirstErrorField));
    }

    [Fact]
    public async Task A_milestone_dated_before_the_request_is_refused_on_the_date()
    {
        var (la, _, pupilId, requestedOn, _) = await RequestedAsync();

        var backwards = await server.PostAsync(la, Milestone, new { pupilId, milestone = "DECISION_TO_ASSESS", date = PlacementWorld.Iso(requestedOn.AddDays(-1)) });

        Assert.Equal(("VALIDATION", "date"), (backwards.FirstErrorCode, backwards.FirstErrorField));
    }

    [Fact]
    public async Task A_school_may_request_an_assessment_but_not_record_a_milestone()
    {
        var (la, school, pupilId, _, _) = await RequestedAsync();
        var today = await new PlacementWorld(server, "902").TodayAsync();

        var fromSchool = await server.PostAsync(school, Milestone, new { pupilId, milestone = "DECISION_TO_ASSESS", date = PlacementWorld.Iso(today) });

        Assert.Equal("FORBIDDEN", fromSchool.FirstErrorCode);
        var stage = await server.PostAsync(la, "query($id: ID!) { pupil(id: $id) { ehcp { stage } } }", new { id = pupilId });
        Assert.Equal("REQUESTED", stage.Data.GetProperty("pupil").GetProperty("ehcp").GetProperty("stage").GetString());
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

    /// <summary>In tenant 902: a pupil whose school requested an EHC assessment today.</summary>
    private async Task<(string La, string School, string PupilId, DateOnly RequestedOn, GraphQLResponse Requested)> RequestedAsync()
    {
        var world = new PlacementWorld(server, "902");
        var schoolUrn = (await world.SchoolUrnsAsync())[4];
        var pupilId = await world.RegisterPupilAsync(schoolUrn, yearGroup: 5);
        var school = await server.TokenAsync("902", "SCHOOL_STAFF", schoolUrn);
        var requestedOn = await world.TodayAsync();
        var requested = await server.PostAsync(school, """
            mutation($id: ID!, $on: Date!) { requestEhcAssessment(pupilId: $id, requestedOn: $on) { stage decisionDue finalDue overdue weeksElapsed } }
            """, new { id = pupilId, on = PlacementWorld.Iso(requestedOn) });
        Assert.False(requested.HasErrors, requested.Body);
        return (await world.LaAsync(), school, pupilId, requestedOn, requested);
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
