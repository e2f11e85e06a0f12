using System.Globalization;
using Microsoft.Playwright;

namespace ApGrid.Board.Tests;

/// <summary>The report's length-of-stay table chosen by entry year and kind of AP, in words people use.</summary>
[Collection(BoardCollection.Name)]
public sealed class ReportBoardTests(BoardFixture board)
{
    [Fact]
    public async Task The_la_chooses_an_entry_year_and_a_kind_of_ap_and_sees_the_api_s_table_in_words()
    {
        var la = await board.TokenAsync("901", "LA_OFFICER");
        var page = await board.SignedInPageAsync("901", "LA_OFFICER", view: "report");
        await page.Locator("#app[data-view=report][data-loaded] [data-testid=by-age-and-type]").WaitForAsync();

        var asOf = DateOnly.Parse((await board.GraphQLAsync(la, "{ report { asOf } }")).GetProperty("report").GetProperty("asOf").GetString()!, CultureInfo.InvariantCulture);
        var cohort = asOf.Month >= 9 ? asOf.Year : asOf.Year - 1;
        var expected = (await board.GraphQLAsync(la, "query($c: Int) { report(entryCohort: $c, apType: STATE_FUNDED) { lengthOfStay { firstYearGroup pupils } ongoingStays { firstYearGroup pupils } } }", new { c = cohort }))
            .GetProperty("report");

        await page.SelectOptionAsync("#stay-type", "STATE_FUNDED");
        await page.Locator("[data-testid=stay-whose]", new() { HasTextString = "state-funded ap" }).WaitForAsync();
        await page.SelectOptionAsync("#stay-cohort", cohort.ToString(CultureInfo.InvariantCulture));
        var label = $"{cohort}/{(cohort + 1) % 100:D2}";
        await page.Locator("[data-testid=stay-whose]", new() { HasTextString = $"first entered AP in {label}" }).WaitForAsync();

        // Rows named as schools name year groups, with the API's pupils; ongoing stays apart.
        var finished = expected.GetProperty("lengthOfStay").EnumerateArray().ToList();
        Assert.Equal(finished.Count == 0, await page.Locator("[data-testid=heatmap-empty]").IsVisibleAsync());
        foreach (var row in finished)
        {
            var year = row.GetProperty("firstYearGroup").GetInt32();
            var name = year == 0 ? "Reception" : $"Year {year}";
            await page.Locator("[data-testid=heatmap] th", new() { HasTextString = $"{name} ({row.GetProperty("pupils").GetInt32()})" }).WaitForAsync();
        }

        var ongoing = expected.GetProperty("ongoingStays").EnumerateArray().ToList();
        Assert.Equal(ongoing.Count == 0, await page.Locator("[data-testid=ongoing-empty]").IsVisibleAsync());
        Assert.Equal(ongoing.Count, await page.Locator("[data-testid=ongoing] tbody tr").CountAsync());

        var table = await page.Locator("[data-testid=by-age-and-type]").InnerTextAsync();
        Assert.Contains("State-funded AP", table, StringComparison.Ordinal);
        Assert.DoesNotContain("STATE_FUNDED", await page.Locator("#app").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("4_AND_UNDER", await page.Locator("#app").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("stay-cohort", await page.EvaluateAsync<string>("() => document.activeElement?.id"));
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.Context.CloseAsync();
    }
}
