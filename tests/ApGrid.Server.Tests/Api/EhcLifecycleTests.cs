using System.Text.Json;

namespace ApGrid.Server.Tests.Api;

/// <summary>
/// The EHC lifecycle through the API: one test per statutory deadline, the 15-day draft rule, exceptions
/// and SEN2 timeliness, annual reviews, phase transfer and ceasing, and who may record each step.
/// Dates are set relative to the server's today (steps may be dated in the past, never the future).
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class EhcLifecycleTests(RunningServerFixture server)
{
    private const string CaseFields = """
        stage overdue annualReviewDue phaseTransferDue noticeNotToIssueDue excludedFromTimeliness ceasedOn ceaseReason
        deadlines { kind dueDate metOn overdue } nextDeadline { kind dueDate }
        exceptions { deadline kind regulation date note } annualReviews { meetingOn recommendation decisionDue decisionOn }
        pupil { senProvision }
        """;

    private const string Milestone = "mutation($id: ID!, $m: EhcpMilestone!, $d: Date!) { recordEhcpMilestone(input: { pupilId: $id, milestone: $m, date: $d }) { " + CaseFields + " } }";

    private PlacementWorld World => new(server, "902");

    [Fact]
    public async Task Decision_to_assess_is_due_in_6_weeks_on_time_on_the_day_and_overdue_the_day_after()
    {
        var (la, _, today) = await ContextAsync();
        var onTheDay = await PupilWithRequestAsync(la, today.AddDays(-42));
        var dayAfter = await PupilWithRequestAsync(la, today.AddDays(-43));

        Assert.Equal((PlacementWorld.Iso(today), false), Deadline(await CaseAsync(la, onTheDay), "DECISION"));
        Assert.Equal((PlacementWorld.Iso(today.AddDays(-1)), true), Deadline(await CaseAsync(la, dayAfter), "DECISION"));
    }

    [Fact]
    public async Task Notice_not_to_issue_is_owed_at_16_weeks_once_assessing_and_met_by_the_notice()
    {
        var (la, _, today) = await ContextAsync();
        var pupil = await PupilWithRequestAsync(la, today.AddDays(-113));
        await StepAsync(la, pupil, "DECISION_TO_ASSESS", today.AddDays(-100));

        var assessing = await CaseAsync(la, pupil);
        Assert.Equal((PlacementWorld.Iso(today.AddDays(-1)), true), Deadline(assessing, "NOT_ISSUE_NOTICE"));
        Assert.Equal(PlacementWorld.Iso(today.AddDays(-1)), assessing.GetProperty("noticeNotToIssueDue").GetString());

        var notice = await StepAsync(la, pupil, "NOT_ISSUED", today);
        Assert.Equal(PlacementWorld.Iso(today), Find(notice, "NOT_ISSUE_NOTICE").GetProperty("metOn").GetString());
        Assert.False(notice.GetProperty("overdue").GetBoolean());
        Assert.DoesNotContain(notice.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("kind").GetString() == "FINAL");
    }

    [Fact]
    public async Task Final_plan_is_due_in_20_weeks_and_issuing_it_makes_the_pupil_EHC_PLAN()
    {
        var (la, _, today) = await ContextAsync();
        var pupil = await PupilWithRequestAsync(la, today.AddDays(-141));
        await StepAsync(la, pupil, "DECISION_TO_ASSESS", today.AddDays(-120));
        await StepAsync(la, pupil, "DRAFT_ISSUED", today.AddDays(-30));
        Assert.Equal((PlacementWorld.Iso(today.AddDays(-1)), true), Deadline(await CaseAsync(la, pupil), "FINAL"));

        var final = await StepAsync(la, pupil, "FINAL_ISSUED", today);

        Assert.Equal(PlacementWorld.Iso(today), Find(final, "FINAL").GetProperty("metOn").GetString());
        Assert.Equal("EHC_PLAN", final.GetProperty("pupil").GetProperty("senProvision").GetString());
        Assert.Equal("ANNUAL_REVIEW", final.GetProperty("nextDeadline").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_final_within_15_days_of_the_draft_is_refused_naming_the_rule_and_changes_nothing()
    {
        var (la, _, today) = await ContextAsync();
        var pupil = await PupilWithRequestAsync(la, today.AddDays(-60));
        await StepAsync(la, pupil, "DECISION_TO_ASSESS", today.AddDays(-40));
        await StepAsync(la, pupil, "DRAFT_ISSUED", today.AddDays(-14));
        var before = (await CaseAsync(la, pupil)).GetRawText();

        var refused = await server.PostAsync(la, Milestone, new { id = pupil, m = "FINAL_ISSUED", d = PlacementWorld.Iso(today) });

        Assert.Equal(("VALIDATION", "date"), (refused.FirstErrorCode, refused.FirstErrorField));
        Assert.Equal(
            $"A final plan may be issued no sooner than 15 days after the draft (issued {PlacementWorld.Iso(today.AddDays(-14))}), so parents can comment and name a school: not before {PlacementWorld.Iso(today.AddDays(1))}.",
            refused.FirstErrorMessage);
        Assert.Equal(before, (await CaseAsync(la, pupil)).GetRawText());
    }

    [Fact]
    public async Task A_case_with_an_exception_keeps_its_deadline_but_leaves_the_SEN2_figure_for_its_year()
    {
        var (la, _, today) = await ContextAsync();
        var finalOn = today.AddDays(-1);
        var year = finalOn.Year;
        var before = await TimelinessAsync(la, year);
        var excused = await IssuedPlanAsync(la, finalOn.AddDays(-100), finalOn);
        await IssuedPlanAsync(la, finalOn.AddDays(-100), finalOn);

        var recorded = await server.PostAsync(la, """
            mutation($input: RecordEhcpExceptionInput!) { recordEhcpException(input: $input) { excludedFromTimeliness exceptions { deadline kind regulation note } deadlines { kind } } }
            """, new { input = new { pupilId = excused, deadline = "FINAL", kind = "ABSENCE", date = PlacementWorld.Iso(finalOn.AddDays(-90)), note = "Abroad for six weeks" } });

        Assert.False(recorded.HasErrors, recorded.Body);
        var ehcp = recorded.Data.GetProperty("recordEhcpException");
        Assert.True(ehcp.GetProperty("excludedFromTimeliness").GetBoolean());
        var exception = Assert.Single(ehcp.GetProperty("exceptions").EnumerateArray());
        Assert.Equal(("FINAL", "ABSENCE", "13(3)"), (exception.GetProperty("deadline").GetString(), exception.GetProperty("kind").GetString(), exception.GetProperty("regulation").GetString()));
        Assert.Contains(ehcp.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("kind").GetString() == "FINAL");

        var after = await TimelinessAsync(la, year);
        Assert.Equal((before.Finals + 2, before.Excluded + 1, before.Within + 1), after);
        var allYears = (await server.PostAsync(la, "{ report { ehcpTimeliness { calendarYear finalIssued } ehcpFinalIssued } }")).Data.GetProperty("report");
        Assert.Equal(JsonValueKind.Null, allYears.GetProperty("ehcpTimeliness").GetProperty("calendarYear").ValueKind);
        Assert.True(allYears.GetProperty("ehcpTimeliness").GetProperty("finalIssued").GetInt32() >= after.Finals);
    }

    [Fact]
    public async Task Annual_reviews_chain_from_the_plan_and_each_meeting_and_the_decision_is_due_4_weeks_after()
    {
        var (la, school, today) = await ContextAsync();
        var final = today.AddDays(-800);
        var pupil = await IssuedPlanAsync(la, final.AddDays(-120), final);
        var firstDue = final.AddMonths(12);
        Assert.Equal((PlacementWorld.Iso(firstDue), true), Deadline(await CaseAsync(la, pupil), "ANNUAL_REVIEW"));

        // The school holds the meeting and records it; the LA decides.
        await ReviewAsync(school, pupil, today.AddDays(-500), "AMEND");
        await DecideAsync(la, pupil, today.AddDays(-500), today.AddDays(-480));
        await ReviewAsync(school, pupil, today.AddDays(-100), "MAINTAIN");
        var chain = await CaseAsync(la, pupil);

        Assert.Equal(
            [
                (PlacementWorld.Iso(firstDue), (string?)PlacementWorld.Iso(today.AddDays(-500))),
                (PlacementWorld.Iso(today.AddDays(-500).AddMonths(12)), PlacementWorld.Iso(today.AddDays(-100))),
                (PlacementWorld.Iso(today.AddDays(-100).AddMonths(12)), null),
            ],
            Kind(chain, "ANNUAL_REVIEW").Select(d => (d.GetProperty("dueDate").GetString()!, d.GetProperty("metOn").GetString())));
        Assert.Equal(PlacementWorld.Iso(today.AddDays(-100).AddMonths(12)), chain.GetProperty("annualReviewDue").GetString());
        var decisions = Kind(chain, "REVIEW_DECISION").ToList();
        Assert.Equal([PlacementWorld.Iso(today.AddDays(-472)), PlacementWorld.Iso(today.AddDays(-72))], decisions.Select(d => d.GetProperty("dueDate").GetString()));
        Assert.Equal([false, true], decisions.Select(d => d.GetProperty("overdue").GetBoolean()));

        var tracked = await server.PostAsync(la, "{ ehcpCases(filter: { deadlineKind: REVIEW_DECISION, overdueOnly: true }) { pupil { id } } }");
        Assert.Contains(tracked.Data.GetProperty("ehcpCases").EnumerateArray(), c => c.GetProperty("pupil").GetProperty("id").GetString() == pupil);

        var decided = await DecideAsync(la, pupil, today.AddDays(-100), today);
        Assert.DoesNotContain(Kind(decided, "REVIEW_DECISION"), d => d.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task A_year_6_plan_owes_its_phase_transfer_review_by_15_February_and_a_decided_review_meets_it()
    {
        var world = World;
        var today = await world.TodayAsync();
        var februaryYear = today.Month >= 9 ? today.Year + 1 : today.Year;
        var due = new DateOnly(februaryYear, 2, 15);

        // Only between 16 February and 31 August can the deadline be overdue: walk the clock there if needed.
        if (today <= due) today = await world.AdvanceDaysAsync(due.DayNumber - today.DayNumber + 1);
        var la = await world.LaAsync();
        var schoolUrn = (await world.SchoolUrnsAsync())[5];
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 6);
        var final = due.AddDays(-60);
        await IssuedPlanAsync(la, final.AddDays(-120), final, pupil);

        var owed = await CaseAsync(la, pupil);
        Assert.Equal(PlacementWorld.Iso(due), owed.GetProperty("phaseTransferDue").GetString());
        Assert.Equal((PlacementWorld.Iso(due), true), Deadline(owed, "PHASE_TRANSFER"));

        await ReviewAsync(la, pupil, today, "AMEND");
        var met = await DecideAsync(la, pupil, today, today);
        Assert.Equal(PlacementWorld.Iso(today), Find(met, "PHASE_TRANSFER").GetProperty("metOn").GetString());
        Assert.Equal(JsonValueKind.Null, met.GetProperty("phaseTransferDue").ValueKind);
    }

    [Fact]
    public async Task Ceasing_a_plan_records_the_reason_returns_the_pupil_to_SEN_support_and_owes_nothing_more()
    {
        var (la, _, today) = await ContextAsync();
        var pupil = await IssuedPlanAsync(la, today.AddDays(-300), today.AddDays(-150));
        const string Cease = "mutation($input: CeaseEhcPlanInput!) { ceaseEhcPlan(input: $input) { " + CaseFields + " } }";

        var ceased = await server.PostAsync(la, Cease, new { input = new { pupilId = pupil, date = PlacementWorld.Iso(today), reason = "NEEDS_MET_WITHOUT_PLAN" } });

        Assert.False(ceased.HasErrors, ceased.Body);
        var ehcp = ceased.Data.GetProperty("ceaseEhcPlan");
        Assert.Equal((PlacementWorld.Iso(today), "NEEDS_MET_WITHOUT_PLAN", "SEN_SUPPORT"),
            (ehcp.GetProperty("ceasedOn").GetString(), ehcp.GetProperty("ceaseReason").GetString(), ehcp.GetProperty("pupil").GetProperty("senProvision").GetString()));
        Assert.Equal(JsonValueKind.Null, ehcp.GetProperty("nextDeadline").ValueKind);
        Assert.All(ehcp.GetProperty("deadlines").EnumerateArray(), d => Assert.NotEqual(JsonValueKind.Null, d.GetProperty("metOn").ValueKind));

        var again = await server.PostAsync(la, Cease, new { input = new { pupilId = pupil, date = PlacementWorld.Iso(today), reason = "OTHER" } });
        Assert.Equal(("CONFLICT", "pupilId"), (again.FirstErrorCode, again.FirstErrorField));
    }

    [Fact]
    public async Task Schools_AP_staff_and_other_tenants_cannot_record_the_LAs_steps_and_nothing_changes()
    {
        var (la, school, today) = await ContextAsync();
        var pupil = await IssuedPlanAsync(la, today.AddDays(-300), today.AddDays(-150));
        var ap = await server.TokenAsync("902", "AP_STAFF", (await server.ApSettingUrnsAsync("902"))[0]);
        var otherLa = await server.TokenAsync("901", "LA_OFFICER");
        var before = (await CaseAsync(la, pupil)).GetRawText();
        var iso = PlacementWorld.Iso(today);
        (string Query, object Variables)[] laSteps =
        [
            ("mutation($input: RecordEhcpExceptionInput!) { recordEhcpException(input: $input) { stage } }",
                new { input = new { pupilId = pupil, deadline = "FINAL", kind = "SCHOOL_CLOSURE", date = iso } }),
            ("mutation($input: CeaseEhcPlanInput!) { ceaseEhcPlan(input: $input) { stage } }",
                new { input = new { pupilId = pupil, date = iso, reason = "OTHER" } }),
            ("mutation($id: ID!, $d: Date!) { recordEhcpSpecialSchoolIntention(pupilId: $id, date: $d) { stage } }", new { id = pupil, d = iso }),
            ("mutation($input: RecordEhcpReviewDecisionInput!) { recordEhcpReviewDecision(input: $input) { stage } }",
                new { input = new { pupilId = pupil, meetingOn = iso, date = iso } }),
        ];

        foreach (var (query, variables) in laSteps)
        {
            // The pupil's own school sees the case but may not take the LA's step; others cannot even see the pupil.
            Assert.Equal("FORBIDDEN", (await server.PostAsync(school, query, variables)).FirstErrorCode);
            Assert.Equal("NOT_FOUND", (await server.PostAsync(ap, query, variables)).FirstErrorCode);
            Assert.Equal("NOT_FOUND", (await server.PostAsync(otherLa, query, variables)).FirstErrorCode);
        }

        const string Review = "mutation($input: RecordEhcpAnnualReviewInput!) { recordEhcpAnnualReview(input: $input) { stage } }";
        var review = new { input = new { pupilId = pupil, meetingOn = iso, recommendation = "MAINTAIN" } };
        Assert.Equal("NOT_FOUND", (await server.PostAsync(ap, Review, review)).FirstErrorCode);
        Assert.Equal("NOT_FOUND", (await server.PostAsync(await server.TokenAsync("902", "SCHOOL_STAFF", (await World.SchoolUrnsAsync())[9]), Review, review)).FirstErrorCode);
        Assert.Equal(before, (await CaseAsync(la, pupil)).GetRawText());
    }

    private async Task<(string La, string School, DateOnly Today)> ContextAsync()
    {
        var world = World;
        return (await world.LaAsync(), await server.TokenAsync("902", "SCHOOL_STAFF", (await world.SchoolUrnsAsync())[4]), await world.TodayAsync());
    }

    private async Task<string> PupilWithRequestAsync(string la, DateOnly requestedOn, string? pupil = null)
    {
        pupil ??= await World.RegisterPupilAsync((await World.SchoolUrnsAsync())[4], yearGroup: 8);
        var requested = await server.PostAsync(la, "mutation($id: ID!, $on: Date!) { requestEhcAssessment(pupilId: $id, requestedOn: $on, requestSource: PARENT) { requestSource } }",
            new { id = pupil, on = PlacementWorld.Iso(requestedOn) });
        Assert.False(requested.HasErrors, requested.Body);
        Assert.Equal("PARENT", requested.Data.GetProperty("requestEhcAssessment").GetProperty("requestSource").GetString());
        return pupil;
    }

    /// <summary>A plan requested, decided, drafted (at least 15 days before) and issued on the dates given.</summary>
    private async Task<string> IssuedPlanAsync(string la, DateOnly requestedOn, DateOnly finalOn, string? pupil = null)
    {
        pupil = await PupilWithRequestAsync(la, requestedOn, pupil);
        await StepAsync(la, pupil, "DECISION_TO_ASSESS", requestedOn.AddDays(20));
        await StepAsync(la, pupil, "DRAFT_ISSUED", finalOn.AddDays(-20));
        await StepAsync(la, pupil, "FINAL_ISSUED", finalOn);
        return pupil;
    }

    private async Task<JsonElement> StepAsync(string token, string pupil, string milestone, DateOnly date)
    {
        var response = await server.PostAsync(token, Milestone, new { id = pupil, m = milestone, d = PlacementWorld.Iso(date) });
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty("recordEhcpMilestone");
    }

    private async Task ReviewAsync(string token, string pupil, DateOnly meetingOn, string recommendation)
    {
        var response = await server.PostAsync(token, "mutation($input: RecordEhcpAnnualReviewInput!) { recordEhcpAnnualReview(input: $input) { stage } }",
            new { input = new { pupilId = pupil, meetingOn = PlacementWorld.Iso(meetingOn), recommendation } });
        Assert.False(response.HasErrors, response.Body);
    }

    private async Task<JsonElement> DecideAsync(string token, string pupil, DateOnly meetingOn, DateOnly decidedOn)
    {
        var response = await server.PostAsync(token, "mutation($input: RecordEhcpReviewDecisionInput!) { recordEhcpReviewDecision(input: $input) { " + CaseFields + " } }",
            new { input = new { pupilId = pupil, meetingOn = PlacementWorld.Iso(meetingOn), date = PlacementWorld.Iso(decidedOn) } });
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty("recordEhcpReviewDecision");
    }

    private async Task<JsonElement> CaseAsync(string la, string pupil)
    {
        var response = await server.PostAsync(la, "query($id: ID!) { pupil(id: $id) { ehcp { " + CaseFields + " } } }", new { id = pupil });
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty("pupil").GetProperty("ehcp");
    }

    private async Task<(int Finals, int Excluded, int Within)> TimelinessAsync(string la, int year)
    {
        var response = await server.PostAsync(la, "query($y: Int) { report { ehcpTimeliness(calendarYear: $y) { finalIssued excludedByException issuedWithin20Weeks } } }", new { y = year });
        var figures = response.Data.GetProperty("report").GetProperty("ehcpTimeliness");
        return (figures.GetProperty("finalIssued").GetInt32(), figures.GetProperty("excludedByException").GetInt32(), figures.GetProperty("issuedWithin20Weeks").GetInt32());
    }

    private static IEnumerable<JsonElement> Kind(JsonElement ehcp, string kind) =>
        ehcp.GetProperty("deadlines").EnumerateArray().Where(d => d.GetProperty("kind").GetString() == kind);

    private static JsonElement Find(JsonElement ehcp, string kind) => Assert.Single(Kind(ehcp, kind));

    private static (string? Due, bool Overdue) Deadline(JsonElement ehcp, string kind)
    {
        var deadline = Find(ehcp, kind);
        return (deadline.GetProperty("dueDate").GetString(), deadline.GetProperty("overdue").GetBoolean());
    }
}
