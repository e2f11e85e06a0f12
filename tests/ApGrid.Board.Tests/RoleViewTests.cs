using ApGrid.Server.Tests.Running;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ApGrid.Board.Tests;

/// <summary>Signing in through the page as each role: the tabs it may use, each view rendering without API errors and without serious accessibility faults.</summary>
[Collection(BoardCollection.Name)]
public sealed class RoleViewTests(BoardFixture board, ITestOutputHelper output)
{
    public static TheoryData<string, string[]> Roles => new()
    {
        { "LA_OFFICER", ["capacity", "referrals", "directions", "placements", "pupil", "not-arrived", "ehcp", "waiting", "outreach", "report", "calendar", "sixth-day", "providers"] },
        { "SCHOOL_STAFF", ["capacity", "referrals", "directions", "placements", "pupil", "not-arrived", "ehcp", "waiting", "outreach", "report", "calendar", "sixth-day", "providers"] },
        { "AP_STAFF", ["capacity", "placements", "pupil", "register", "outreach", "report", "providers"] },
        { "SPECIAL_SCHOOL_STAFF", ["capacity", "waiting", "report", "providers"] },
        { "PARTNER", ["capacity", "report", "providers"] },
        { "LA_ADMIN", ["access"] },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_signs_in_and_sees_only_its_views_which_render_accessibly(string role, string[] views)
    {
        var context = await board.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        if (role == "LA_OFFICER") await Screenshot(page, "sign-in");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));

        // The development sign-in: tenant, role and (for setting roles) the setting, listed from the API.
        await page.SelectOptionAsync("#dev-tenant", "901");
        await page.SelectOptionAsync("#dev-role", role);
        if (role is "SCHOOL_STAFF" or "AP_STAFF" or "SPECIAL_SCHOOL_STAFF")
        {
            await page.Locator("#dev-urn option").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.Locator("[data-testid=signed-in-as]").WaitForAsync();
        Assert.Contains(role.Replace('_', ' '), (await page.Locator("[data-testid=signed-in-as]").InnerTextAsync()).ToUpperInvariant(), StringComparison.Ordinal);

        var tabs = await page.Locator(".govuk-service-navigation__link").EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.view)");
        Assert.Equal(views, tabs);

        foreach (var view in views)
        {
            await page.Locator($".govuk-service-navigation__link[data-view={view}]").ClickAsync();
            await page.Locator($"#app[data-view={view}][data-loaded]").WaitForAsync();
            var errors = await page.Locator("[data-testid=api-error]").AllInnerTextsAsync();
            Assert.True(errors.Count == 0, $"{role} on {view}: {string.Join(" / ", errors)}");
            var violations = await Axe.SeriousViolationsAsync(page);
            Assert.True(violations.Count == 0, $"{role} on {view}:\n{string.Join("\n", violations)}");
            if (role == "LA_OFFICER") await Screenshot(page, view);
            if (role == "AP_STAFF" && view == "capacity") await Screenshot(page, "capacity-ap-staff");
        }

        // A view the role may not use is not pretended: the page says so.
        if (!views.Contains("placements"))
        {
            await page.GotoAsync("/#placements");
            await page.Locator("#app[data-view=none]").WaitForAsync();
        }

        await context.CloseAsync();
    }

    [Fact]
    public async Task A_refused_token_leads_back_to_sign_in_and_says_why()
    {
        var context = await board.NewContextAsync();
        await context.AddInitScriptAsync("sessionStorage.setItem('apgrid.token', 'not-a-token');");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/#placements");
        await page.Locator("[data-testid=api-error]").WaitForAsync();
        Assert.Contains("refused", await page.Locator("[data-testid=api-error]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".govuk-service-navigation__link").CountAsync());
        await context.CloseAsync();
    }

    private async Task Screenshot(IPage page, string name)
    {
        // No focus ring or hover on the picture: it shows the view, not the click that opened it.
        await page.EvaluateAsync("() => document.activeElement?.blur()");
        await page.Mouse.MoveAsync(0, 767);
        var path = Path.Combine(BoardFixture.DocsDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        output.WriteLine($"screenshot {Path.GetRelativePath(RepositoryRoot.Path, path)}");
    }
}
