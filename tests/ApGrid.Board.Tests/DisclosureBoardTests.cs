using System.Text.RegularExpressions;

namespace ApGrid.Board.Tests;

/// <summary>What a partner reads on the board is what the API publishes outside the LA, said in words: published daily, rounded, ranges.</summary>
[Collection(BoardCollection.Name)]
public sealed partial class DisclosureBoardTests(BoardFixture board)
{
    [Fact]
    public async Task A_partner_reads_the_report_as_published_daily_with_counts_rounded_in_words()
    {
        var page = await board.SignedInPageAsync("901", "PARTNER", view: "report");
        var notice = page.Locator("#app[data-view=report][data-loaded] [data-testid=published]");
        await notice.WaitForAsync();

        var text = await notice.InnerTextAsync();
        Assert.Contains("published once a day, not live", text, StringComparison.Ordinal);
        Assert.Contains("rounded to the nearest 5", text, StringComparison.Ordinal);
        foreach (var id in new[] { "ehcp-final", "waiting-in-ap" })
        {
            var value = await page.Locator($"[data-testid={id}] .app-figure__value").InnerTextAsync();
            Assert.Matches(RoundedOrNotShown(), value);
        }

        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_la_reads_live_exact_figures_with_no_publication_notice()
    {
        var page = await board.SignedInPageAsync("901", "LA_OFFICER", view: "report");
        await page.Locator("#app[data-view=report][data-loaded] [data-testid=ehcp-final]").WaitForAsync();

        Assert.Equal(0, await page.Locator("[data-testid=published]").CountAsync());
        Assert.DoesNotMatch("^about ", await page.Locator("[data-testid=ehcp-final] .app-figure__value").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_partner_sees_free_places_as_ranges_and_the_la_as_numbers()
    {
        var partner = await board.SignedInPageAsync("901", "PARTNER");
        await partner.Locator("#app[data-loaded] [data-testid=capacity-table]").WaitForAsync();
        Assert.True(await partner.Locator("[data-testid=free-ranges]").IsVisibleAsync());
        foreach (var cell in await partner.Locator("td[data-session=FULL_TIME]").AllInnerTextsAsync())
        {
            Assert.Matches(FreeRange(), cell.Trim());
        }

        await partner.Context.CloseAsync();

        var la = await board.SignedInPageAsync("901", "LA_OFFICER");
        await la.Locator("#app[data-loaded] [data-testid=capacity-table]").WaitForAsync();
        Assert.Equal(0, await la.Locator("[data-testid=free-ranges]").CountAsync());
        Assert.All(await la.Locator("td[data-session=FULL_TIME]").AllInnerTextsAsync(), cell => Assert.Matches("^-?[0-9]+ / [0-9]+$", cell.Trim()));
        await la.Context.CloseAsync();
    }

    [GeneratedRegex("^(not shown|about [0-9]+)$")]
    private static partial Regex RoundedOrNotShown();

    [GeneratedRegex("^(full|1 to 4|[0-9]+ to [0-9]+) / [0-9]+$")]
    private static partial Regex FreeRange();
}
