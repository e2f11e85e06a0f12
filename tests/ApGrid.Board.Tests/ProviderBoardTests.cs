using Microsoft.Playwright;

namespace ApGrid.Board.Tests;

/// <summary>The provider register and a provider's page: the LA approves on the page and a school's capacity search shows the approval live.</summary>
[Collection(BoardCollection.Name)]
public sealed class ProviderBoardTests(BoardFixture board)
{
    [Fact]
    public async Task The_LA_approves_a_provider_and_a_schools_capacity_search_shows_it_approved_live()
    {
        var la = await board.TokenAsync("901", "LA_OFFICER");
        var today = await BoardJourneys.TodayAsync(board);
        var created = await board.GraphQLAsync(la, """
            mutation { createApSetting(input: { name: "Sherwood Bushcraft", type: UNREGISTERED_PROVIDER, keyStages: [KS3, KS4], specialisms: [SEMH], latitude: 52.96, longitude: -1.14 }) { urn } }
            """);
        var urn = created.GetProperty("createApSetting").GetProperty("urn").GetString()!;
        await board.GraphQLAsync(la, "mutation($input: DueDiligenceInput!) { recordDueDiligence(input: $input) { version } }", new
        {
            input = new
            {
                urn,
                dslName = "Ali Khan",
                vettingConfirmedOn = BoardJourneys.Iso(today),
                vettingConfirmedBy = "QA officer",
                insuranceExpires = BoardJourneys.Iso(today.AddDays(250)),
                registeredSchool = false,
                visits = new[] { new { on = BoardJourneys.Iso(today), by = "QA officer", findings = "Safe woodland site; staff trained", rag = "GREEN" } },
                concerns = Array.Empty<object>(),
                themes = Array.Empty<object>(),
            },
        });

        var school = await board.SignedInPageAsync("901", "SCHOOL_STAFF", await BoardJourneys.LastSchoolAsync(board, "901"));
        var approval = school.Locator($"[data-testid=approval][data-urn='{urn}']");
        await approval.WaitForAsync();
        Assert.Equal("Not approved", (await approval.InnerTextAsync()).Trim());
        await school.EvaluateAsync("() => { window.notReloaded = true; }");

        var laPage = await board.SignedInPageAsync("901", "LA_OFFICER", view: "providers/" + urn);
        await laPage.Locator("[data-testid=provider-standing]").WaitForAsync();
        Assert.Contains("Not approved", await laPage.Locator("[data-testid=provider-standing]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await Axe.SeriousViolationsAsync(laPage));
        await laPage.SelectOptionAsync("#decision", "APPROVED");
        await laPage.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();

        await school.WaitForFunctionAsync(
            "urn => document.querySelector(`[data-testid=approval][data-urn='${urn}']`)?.textContent.trim() === 'Approved'", urn, new() { Timeout = 10000 });
        Assert.True(await school.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await laPage.Locator("[data-testid=provider-history] li", new() { HasText = "Decision" }).WaitForAsync();

        // The register as the school sees it: the status, and no way into the record behind it.
        await school.GotoAsync("/#providers");
        var row = school.Locator($"[data-testid=provider-register] tr[data-urn='{urn}']");
        await row.WaitForAsync();
        Assert.Contains("Approved", await row.Locator("[data-testid=provider-status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await row.Locator("a").CountAsync());
        Assert.Empty(await Axe.SeriousViolationsAsync(school));

        await school.Context.CloseAsync();
        await laPage.Context.CloseAsync();
    }
}
