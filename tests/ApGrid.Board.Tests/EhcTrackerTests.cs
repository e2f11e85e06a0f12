namespace ApGrid.Board.Tests;

/// <summary>The EHC tracker names every kind of deadline in words, not only the assessment's 6 and 20 weeks.</summary>
[Collection(BoardCollection.Name)]
public sealed class EhcTrackerTests(BoardFixture board)
{
    [Fact]
    public async Task A_plan_past_its_annual_review_shows_the_review_as_the_deadline_with_an_overdue_tag()
    {
        var la = await board.TokenAsync("901", "LA_OFFICER");
        var today = await BoardJourneys.TodayAsync(board);
        var schoolUrn = await BoardJourneys.LastSchoolAsync(board, "901");
        var pupil = await BoardJourneys.RegisterPupilAsync(board, "901", schoolUrn, "QZ");
        await board.GraphQLAsync(la, "mutation($id: ID!, $on: Date!) { requestEhcAssessment(pupilId: $id, requestedOn: $on) { stage } }",
            new { id = pupil, on = BoardJourneys.Iso(today.AddDays(-600)) });
        foreach (var (milestone, daysAgo) in new[] { ("DECISION_TO_ASSESS", 580), ("DRAFT_ISSUED", 500), ("FINAL_ISSUED", 460) })
        {
            await board.GraphQLAsync(la, "mutation($id: ID!, $m: EhcpMilestone!, $d: Date!) { recordEhcpMilestone(input: { pupilId: $id, milestone: $m, date: $d }) { stage } }",
                new { id = pupil, m = milestone, d = BoardJourneys.Iso(today.AddDays(-daysAgo)) });
        }

        var page = await board.SignedInPageAsync("901", "LA_OFFICER", view: "ehcp");
        var row = page.Locator("[data-testid=ehcp-table] tbody tr").Filter(new() { Has = page.Locator("th", new() { HasTextString = "QZ" }) });
        var next = row.Locator("[data-testid=ehcp-next]");
        await next.WaitForAsync();

        Assert.Equal("Annual review", await next.Locator("[data-deadline]").InnerTextAsync());
        Assert.Equal("ANNUAL_REVIEW", await next.Locator("[data-deadline]").GetAttributeAsync("data-deadline"));
        Assert.Contains("Overdue", await next.InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
