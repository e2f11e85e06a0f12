using ApGrid.Domain;
using ApGrid.Grains.Abstractions;
using Microsoft.Data.Sqlite;

namespace ApGrid.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class EhcpDeadlineTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.Client;

    [Fact]
    public async Task A_case_that_falls_overdue_is_raised_on_the_feed_once()
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

        Assert.Equal([late], first);
        Assert.Empty(second);
        var entries = await world.RunAsync(() => feed.ReadAsync(before, 100));
        Assert.Equal([(ChangeKind.Ehcp, late)], entries.Select(e => (e.Kind, e.SubjectId)));
    }

    [Fact]
    public async Task A_sweep_raises_every_newly_overdue_case_once_even_past_a_feed_page()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var today = WaitingListWorld.Today;
        var late = new List<string>();
        for (var i = 0; i < ChangeFeedGrain.PageSize + 20; i++)
        {
            var pupil = await world.PupilAsync(SenProvision.SenSupport);
            await world.RunAsync(() => world.Pupil(pupil).RequestEhcAssessmentAsync(today.AddDays(-43)));
            late.Add(pupil);
        }

        var feed = Grains.GetGrain<IChangeFeedGrain>(world.Tenant);
        var before = await world.RunAsync(() => feed.GetLastSequenceAsync());

        var raised = await world.RunAsync(() => world.La.CheckEhcpDeadlinesAsync());
        var again = await world.RunAsync(() => world.La.CheckEhcpDeadlinesAsync());

        Assert.Equal(late.Order(StringComparer.Ordinal), raised.Order(StringComparer.Ordinal));
        Assert.Empty(again);
        var entries = await world.RunAsync(() => feed.ReadAsync(before, 1000));
        Assert.Equal(late.Order(StringComparer.Ordinal), entries.Select(e => e.SubjectId).Order(StringComparer.Ordinal));
        Assert.All(entries, e => Assert.Equal(ChangeKind.Ehcp, e.Kind));
        Assert.Equal(Enumerable.Range(1, late.Count).Select(i => before + i), entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task A_late_decision_ends_the_lapse_and_the_final_deadline_is_news_again()
    {
        var world = await WaitingListWorld.CreateAsync(Grains);
        var pupil = await world.PupilAsync(SenProvision.SenSupport);
        var today = WaitingListWorld.Today;
        await world.RunAsync(() => world.Pupil(pupil).RequestEhcAssessmentAsync(today.AddDays(-141)));
        Assert.Equal([pupil], await world.RunAsync(() => world.La.CheckEhcpDeadlinesAsync()));

        // Deciding does not make it on time: the final plan is late too, and that lapse was already raised.
        await world.RunAsync(() => world.Pupil(pupil).RecordEhcpMilestoneAsync(EhcpMilestone.DecisionToAssess, today.AddDays(-60)));
        Assert.Empty(await world.RunAsync(() => world.La.CheckEhcpDeadlinesAsync()));
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
        Assert.Equal(60.0, StatisticalDisclosure.Percent(report.EhcpIssuedWithin20Weeks, report.EhcpFinalIssued, suppress: true));
    }
}
