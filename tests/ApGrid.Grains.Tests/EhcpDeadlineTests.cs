using ApGrid.Domain;
using ApGrid.Grains.Abstractions;
using Microsoft.Data.Sqlite;

namespace ApGrid.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class EhcpDeadlineTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    private static string Subject(string pupilId, string kind, DateOnly due) => $"{pupilId}#{kind}#{due:yyyy-MM-dd}";

    [Fact]
    public async Task A_case_that_falls_overdue_is_raised_on_the_feed_once_with_the_deadline_named()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var late = await world.PupilAsync(SenProvision.SenSupport);
        var onTime = await world.PupilAsync(SenProvision.SenSupport);
        var today = WaitingListWorld.Today;
        await world.RunAsync(() => world.Pupil(late).RequestEhcAssessmentAsync(today.AddDays(-43)));
        await world.RunAsync(() => world.Pupil(onTime).RequestEhcAssessmentAsync(today.AddDays(-42)));
        var feed = Grains.GetGrain<IChangeFeedGrain>(world.Tenant);
        var before = await world.RunAsync(() => feed.GetLastSequenceAsync());

        var first = await world.RunAsync(() => world.La.CheckEhcpDeadlinesAsync());
        var second = await world.RunAsync(() => world.La.CheckEhcpDeadlinesAsync());

        var raised = Subject(late, "DECISION", today.AddDays(-1));
        Assert.Equal([raised], first);
        Assert.Empty(second);
        var entries = await world.RunAsync(() => feed.ReadAsync(before, 100));
        Assert.Equal([(ChangeKind.EhcpDeadline, raised)], entries.Select(e => (e.Kind, e.SubjectId)));
    }

    [Fact]
    public async Task A_sweep_raises_every_newly_overdue_deadline_once_even_past_a_feed_page()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var today = WaitingListWorld.Today;
        var late = new List<string>();
        for (var i = 0; i < ChangeFeedGrain.PageSize + 20; i++)
        {
            var pupil = await world.PupilAsync(SenProvision.SenSupport);
            await world.RunAsync(() => world.Pupil(pupil).RequestEhcAssessmentAsync(today.AddDays(-43)));
            late.Add(Subject(pupil, "DECISION", today.AddDays(-1)));
        }

        var feed = Grains.GetGrain<IChangeFeedGrain>(world.Tenant);
        var before = await world.RunAsync(() => feed.GetLastSequenceAsync());

        var raised = await world.RunAsync(() => world.La.CheckEhcpDeadlinesAsync());
        var again = await world.RunAsync(() => world.La.CheckEhcpDeadlinesAsync());

        Assert.Equal(late.Order(StringComparer.Ordinal), raised.Order(StringComparer.Ordinal));
        Assert.Empty(again);
        var entries = await world.RunAsync(() => feed.ReadAsync(before, 1000));
        Assert.Equal(late.Order(StringComparer.Ordinal), entries.Select(e => e.SubjectId).Order(StringComparer.Ordinal));
        Assert.All(entries, e => Assert.Equal(ChangeKind.EhcpDeadline, e.Kind));
        Assert.Equal(Enumerable.Range(1, late.Count).Select(i => before + i), entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Each_deadline_is_raised_on_its_own_and_a_late_decision_raises_nothing_new()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var pupil = await world.PupilAsync(SenProvision.SenSupport);
        var today = WaitingListWorld.Today;
        var requested = today.AddDays(-141);
        await world.RunAsync(() => world.Pupil(pupil).RequestEhcAssessmentAsync(requested));
        Assert.Equal(
            [Subject(pupil, "DECISION", requested.AddDays(42)), Subject(pupil, "FINAL", requested.AddDays(140))],
            await world.RunAsync(() => world.La.CheckEhcpDeadlinesAsync()));

        // Deciding meets the decision deadline late; the notice deadline (16 weeks) is overdue too and is news.
        await world.RunAsync(() => world.Pupil(pupil).RecordEhcpMilestoneAsync(EhcpMilestone.DecisionToAssess, today.AddDays(-60)));
        Assert.Equal([Subject(pupil, "NOT_ISSUE_NOTICE", requested.AddDays(112))], await world.RunAsync(() => world.La.CheckEhcpDeadlinesAsync()));
        Assert.Empty(await world.RunAsync(() => world.La.CheckEhcpDeadlinesAsync()));
    }

    [Fact]
    public async Task Every_kind_of_deadline_that_falls_overdue_is_raised_once_and_not_on_the_next_sweep()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var today = WaitingListWorld.Today;
        async Task<string> CaseAsync(int requestedDaysAgo, params (EhcpMilestone Milestone, int DaysAgo)[] steps)
        {
            var pupil = await world.PupilAsync(SenProvision.SenSupport);
            await world.RunAsync(async () =>
            {
                var grain = world.Pupil(pupil);
                Assert.Null((await grain.RequestEhcAssessmentAsync(today.AddDays(-requestedDaysAgo))).Error);
                foreach (var (milestone, daysAgo) in steps) Assert.Null((await grain.RecordEhcpMilestoneAsync(milestone, today.AddDays(-daysAgo))).Error);
                return true;
            });
            return pupil;
        }

        var decision = await CaseAsync(43);
        var notice = await CaseAsync(113, (EhcpMilestone.DecisionToAssess, 100));
        var final = await CaseAsync(141, (EhcpMilestone.DecisionToAssess, 120), (EhcpMilestone.DraftIssued, 60));
        var plan = (EhcpMilestone.DecisionToAssess, 580);
        var review = await CaseAsync(600, plan, (EhcpMilestone.DraftIssued, 500), (EhcpMilestone.FinalIssued, 460));
        var reviewDecision = await CaseAsync(600, plan, (EhcpMilestone.DraftIssued, 500), (EhcpMilestone.FinalIssued, 460));
        await world.RunAsync(() => world.Pupil(reviewDecision).RecordEhcpAnnualReviewAsync(today.AddDays(-40), EhcReviewRecommendation.Maintain));

        var first = await world.RunAsync(() => world.La.CheckEhcpDeadlinesAsync());

        var reviewDue = today.AddDays(-460).AddMonths(12);
        Assert.Equal(
            new[]
            {
                Subject(decision, "DECISION", today.AddDays(-1)),
                Subject(notice, "NOT_ISSUE_NOTICE", today.AddDays(-1)),
                Subject(final, "FINAL", today.AddDays(-1)),
                Subject(review, "ANNUAL_REVIEW", reviewDue),
                Subject(reviewDecision, "REVIEW_DECISION", today.AddDays(-12)),
            }.Order(StringComparer.Ordinal),
            first);
        Assert.Empty(await world.RunAsync(() => world.La.CheckEhcpDeadlinesAsync()));

        // Met, then a new lapse of the same kind (the next review's decision) is news again.
        await world.RunAsync(() => world.Pupil(reviewDecision).RecordEhcpReviewDecisionAsync(today.AddDays(-40), today));
        await world.RunAsync(() => world.Pupil(review).RecordEhcpAnnualReviewAsync(today.AddDays(-30), EhcReviewRecommendation.Amend));
        Assert.Equal([Subject(review, "REVIEW_DECISION", today.AddDays(-2))], await world.RunAsync(() => world.La.CheckEhcpDeadlinesAsync()));
    }

    [Fact]
    public async Task An_exception_leaves_the_deadline_on_the_tracker_but_the_plan_out_of_the_SEN2_figure()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var today = WaitingListWorld.Today;
        var requestedOn = today.AddDays(-300);
        string[] pupils = [await world.PupilAsync(SenProvision.SenSupport), await world.PupilAsync(SenProvision.SenSupport)];
        foreach (var pupil in pupils)
        {
            await world.RunAsync(async () =>
            {
                var grain = world.Pupil(pupil);
                await grain.RequestEhcAssessmentAsync(requestedOn);
                await grain.RecordEhcpMilestoneAsync(EhcpMilestone.DecisionToAssess, requestedOn.AddDays(30));
                await grain.RecordEhcpMilestoneAsync(EhcpMilestone.DraftIssued, requestedOn.AddDays(60));
                return await grain.RecordEhcpMilestoneAsync(EhcpMilestone.FinalIssued, requestedOn.AddDays(100));
            });
        }

        var excused = await world.RunAsync(() => world.Pupil(pupils[0]).RecordEhcpExceptionAsync(
            EhcDeadlineKind.Final, EhcExceptionKind.Absence, requestedOn.AddDays(20), "Family abroad for six weeks"));
        Assert.Null(excused.Error);

        var year = requestedOn.AddDays(100).Year;
        var counts = (await world.RunAsync(() => world.La.GetEhcpTimelinessAsync()))[year];
        Assert.Equal(new EhcTimelinessCounts(2, 1, 1), counts);
        var tracked = (await world.RunAsync(() => world.La.GetEhcpCasesAsync())).Single(e => e.PupilId == pupils[0]);
        Assert.Contains(tracked.Deadlines(today), d => d.Kind == EhcDeadlineKind.Final);
        Assert.True(tracked.Case.ExcludedFromTimeliness);
    }

    [Fact]
    public async Task A_final_plan_too_soon_after_the_draft_is_refused_and_changes_nothing()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var pupil = await world.PupilAsync(SenProvision.SenSupport);
        var today = WaitingListWorld.Today;
        await world.RunAsync(() => world.Pupil(pupil).RequestEhcAssessmentAsync(today.AddDays(-100)));
        await world.RunAsync(() => world.Pupil(pupil).RecordEhcpMilestoneAsync(EhcpMilestone.DecisionToAssess, today.AddDays(-80)));
        await world.RunAsync(() => world.Pupil(pupil).RecordEhcpMilestoneAsync(EhcpMilestone.DraftIssued, today.AddDays(-14)));
        var before = await world.RunAsync(() => world.Pupil(pupil).GetAsync());

        var refused = await world.RunAsync(() => world.Pupil(pupil).RecordEhcpMilestoneAsync(EhcpMilestone.FinalIssued, today));

        Assert.Equal((ErrorCode.Validation, "date"), (refused.Error!.Code, refused.Error.Field));
        Assert.Contains("no sooner than 15 days after the draft", refused.Error.Message, StringComparison.Ordinal);
        var after = await world.RunAsync(() => world.Pupil(pupil).GetAsync());
        Assert.Equal((before!.Ehcp, SenProvision.SenSupport), (after!.Ehcp, after.Record.SenProvision));
    }

    [Fact]
    public async Task Issuing_the_final_plan_makes_the_pupil_EHC_plan_and_ceasing_it_SEN_support()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var pupil = await world.PupilAsync(SenProvision.SenSupport);
        var today = WaitingListWorld.Today;
        var grain = world.Pupil(pupil);
        await world.RunAsync(() => grain.RequestEhcAssessmentAsync(today.AddDays(-100), EhcRequestSource.Parent));
        await world.RunAsync(() => grain.RecordEhcpMilestoneAsync(EhcpMilestone.DecisionToAssess, today.AddDays(-80)));
        await world.RunAsync(() => grain.RecordEhcpMilestoneAsync(EhcpMilestone.DraftIssued, today.AddDays(-20)));

        var issued = await world.RunAsync(() => grain.RecordEhcpMilestoneAsync(EhcpMilestone.FinalIssued, today.AddDays(-5)));
        Assert.Equal(SenProvision.EhcPlan, issued.Value!.Record.SenProvision);

        var ceased = await world.RunAsync(() => grain.CeaseEhcPlanAsync(today, EhcCeaseReason.NeedsMetWithoutPlan));
        Assert.Equal((SenProvision.SenSupport, today, EhcCeaseReason.NeedsMetWithoutPlan), (ceased.Value!.Record.SenProvision, ceased.Value.Ehcp!.CeasedOn, ceased.Value.Ehcp.CeaseReason));
        Assert.Equal(EhcRequestSource.Parent, ceased.Value.Ehcp.RequestSource);
        Assert.Equal(ErrorCode.Conflict, (await world.RunAsync(() => grain.CeaseEhcPlanAsync(today, EhcCeaseReason.Other))).Error!.Code);
    }

    [Fact]
    public async Task The_sweep_is_a_reminder_stored_beside_the_grain_state()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var pupil = await world.PupilAsync(SenProvision.SenSupport);
        await world.RunAsync(() => world.Pupil(pupil).RequestEhcAssessmentAsync(WaitingListWorld.Today));

        await using var connection = new SqliteConnection($"Data Source={fixture.Storage.SqlitePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ReminderName, Period FROM OrleansRemindersTable WHERE GrainId LIKE $grain";
        command.Parameters.AddWithValue("$grain", "%localauthority/" + world.Tenant);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "no reminder row for the LA grain");
        Assert.Equal(("ehcp-deadlines", (long)TimeSpan.FromHours(1).TotalMilliseconds), (reader.GetString(0), reader.GetInt64(1)));
    }

    [Fact]
    public async Task The_20_week_figure_counts_each_final_plan_once_over_a_mixed_set_of_cases()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var requestedOn = WaitingListWorld.Today.AddDays(-300);

        // Finals on days 100, 120 and 140 are in time; 141 and 200 are late. One refusal and one open case issue nothing.
        foreach (var finalDay in new[] { 100, 140, 141, 200, 120 })
        {
            var pupil = await world.PupilAsync(SenProvision.SenSupport);
            await world.RunAsync(async () =>
            {
                var grain = world.Pupil(pupil);
                await grain.RequestEhcAssessmentAsync(requestedOn);
                await grain.RecordEhcpMilestoneAsync(EhcpMilestone.DecisionToAssess, requestedOn.AddDays(30));
                await grain.RecordEhcpMilestoneAsync(EhcpMilestone.DraftIssued, requestedOn.AddDays(60));
                var final = await grain.RecordEhcpMilestoneAsync(EhcpMilestone.FinalIssued, requestedOn.AddDays(finalDay));
                Assert.Null(final.Error);

                // Recording again is refused and must not count the plan twice.
                Assert.NotNull((await grain.RecordEhcpMilestoneAsync(EhcpMilestone.FinalIssued, requestedOn.AddDays(finalDay))).Error);
                return true;
            });
        }

        var refused = await world.PupilAsync(SenProvision.SenSupport);
        await world.RunAsync(() => world.Pupil(refused).RequestEhcAssessmentAsync(requestedOn));
        await world.RunAsync(() => world.Pupil(refused).RecordEhcpMilestoneAsync(EhcpMilestone.RefusedToAssess, requestedOn.AddDays(40)));
        var open = await world.PupilAsync(SenProvision.SenSupport);
        await world.RunAsync(() => world.Pupil(open).RequestEhcAssessmentAsync(requestedOn));

        var report = await world.RunAsync(() => world.La.GetReportAsync());
        Assert.Equal((5, 3), (report.EhcpFinalIssued, report.EhcpIssuedWithin20Weeks));
        Assert.Equal(60.0, DisclosureControl.Percent(report.EhcpIssuedWithin20Weeks, report.EhcpFinalIssued));
    }
}
