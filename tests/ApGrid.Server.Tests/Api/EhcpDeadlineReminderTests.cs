using System.Text.Json;
using ApGrid.Server.Tests.Running;

namespace ApGrid.Server.Tests.Api;

/// <summary>The LA's deadline sweep runs on an Orleans reminder (every 2 s in these tests) against the Development clock.</summary>
[Collection(RunningServerCollection.Name)]
public sealed class EhcpDeadlineReminderTests(RunningServerFixture server)
{
    [Fact]
    public async Task A_deadline_that_falls_overdue_is_raised_on_the_change_feed_once_with_its_kind_named()
    {
        var world = new PlacementWorld(server, "902");
        var schoolUrn = (await world.SchoolUrnsAsync())[6];
        var pupilId = await world.RegisterPupilAsync(schoolUrn, yearGroup: 7);
        var la = await world.LaAsync();
        var requestedOn = await world.TodayAsync();
        var requested = await server.PostAsync(la, "mutation($id: ID!, $on: Date!) { requestEhcAssessment(pupilId: $id, requestedOn: $on) { stage } }",
            new { id = pupilId, on = PlacementWorld.Iso(requestedOn) });
        Assert.False(requested.HasErrors, requested.Body);

        // Listen live (no replay), then walk the clock past the 6-week decision deadline.
        using var listener = NodeScripts.Start("subscribe.mjs", server.WebSocketUri.ToString(), la,
            "subscription { changes(kinds: [EHCP_DEADLINE]) { kind subjectId } }", "1000", "12000");
        await SubscriberOutput.WaitForAsync(listener, "connected");
        await world.AdvanceDaysAsync(43);

        // Several sweeps run in the 12 s the listener stays; only the first may raise this case.
        var raised = 0;
        while (await SubscriberOutput.ReadNextAsync(listener) is { } message)
        {
            var change = message.GetProperty("value").GetProperty("data").GetProperty("changes");
            if (change.GetProperty("subjectId").GetString() == $"{pupilId}#DECISION#{PlacementWorld.Iso(requestedOn.AddDays(42))}") raised++;
        }

        Assert.Equal(1, raised);
        var overdue = await server.PostAsync(la, "{ ehcpCases(filter: { overdueOnly: true }) { pupil { id } overdue } }");
        Assert.Contains(overdue.Data.GetProperty("ehcpCases").EnumerateArray(), c => c.GetProperty("pupil").GetProperty("id").GetString() == pupilId);
    }
}
