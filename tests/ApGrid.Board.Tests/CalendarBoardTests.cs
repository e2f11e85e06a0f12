using Microsoft.Playwright;

namespace ApGrid.Board.Tests;

/// <summary>The school calendar page: LA officers change term dates; school staff only read them.</summary>
[Collection(BoardCollection.Name)]
public sealed class CalendarBoardTests(BoardFixture board)
{
    // The page offers the browser's current academic year and the two after it; the furthest is
    // changed so the year every other test counts school days in stays as it was.
    private static int FurthestYearOffered => (DateTime.UtcNow.Month >= 9 ? DateTime.UtcNow.Year : DateTime.UtcNow.Year - 1) + 2;

    [Fact]
    public async Task An_la_officer_changes_a_half_term_date_and_sees_it_after_reload()
    {
        var year = FurthestYearOffered;
        var summerEnd = ApGrid.Domain.DefaultTermDates.For(year).Terms[5].End;
        var changed = BoardJourneys.Iso(summerEnd.AddDays(-1));
        var page = await board.SignedInPageAsync("902", "LA_OFFICER", view: "calendar");
        try
        {
            await page.Locator("#app[data-view=calendar][data-loaded]").WaitForAsync();
            await SelectYearAsync(page, year);
            Assert.Equal(1, await page.Locator("[data-testid=default-tag]").CountAsync());

            await page.FillAsync("#end-5", changed);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save dates" }).ClickAsync();
            await page.Locator(".govuk-notification-banner--success").WaitForAsync();

            await page.ReloadAsync();
            await page.Locator("#app[data-view=calendar][data-loaded]").WaitForAsync();
            await SelectYearAsync(page, year);
            Assert.Equal(changed, await page.InputValueAsync("#end-5"));
            Assert.Equal(0, await page.Locator("[data-testid=default-tag]").CountAsync());
            Assert.Contains(summerEnd.AddDays(-1).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
                await page.Locator("[data-testid=terms-table] tbody tr").Last.InnerTextAsync(), StringComparison.Ordinal);

            // A last day before the first is refused with the API's words, and nothing changes.
            await page.FillAsync("#end-0", BoardJourneys.Iso(ApGrid.Domain.DefaultTermDates.For(year).Terms[0].Start.AddDays(-1)));
            await page.GetByRole(AriaRole.Button, new() { Name = "Save dates" }).ClickAsync();
            await page.Locator(".govuk-error-summary").WaitForAsync();
            // The half-term as the table names it, not the schema's AUTUMN_1.
            var refusal = await page.Locator(".govuk-error-summary").InnerTextAsync();
            Assert.Contains("Autumn 1", refusal, StringComparison.Ordinal);
            Assert.DoesNotContain("AUTUMN_1", refusal, StringComparison.Ordinal);
        }
        finally
        {
            var la = await board.TokenAsync("902", "LA_OFFICER");
            await board.GraphQLAsync(la, "mutation($y: Int!) { setSchoolTerms(input: { academicYear: $y, terms: [], insetDays: [] }) { isDefault } }", new { y = year });
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task School_staff_see_the_dates_but_not_the_editor()
    {
        var page = await board.SignedInPageAsync("902", "SCHOOL_STAFF", await BoardJourneys.LastSchoolAsync(board, "902"), view: "calendar");
        await page.Locator("#app[data-view=calendar][data-loaded]").WaitForAsync();

        Assert.Equal(6, await page.Locator("[data-testid=terms-table] tbody tr").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=terms-form]").CountAsync());
        Assert.Equal(0, await page.Locator("input[type=date]").CountAsync());
        await page.Context.CloseAsync();
    }

    private static async Task SelectYearAsync(IPage page, int year)
    {
        var loaded = await page.Locator("#app").GetAttributeAsync("data-loaded");
        await page.SelectOptionAsync("#calendar-year", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.WaitForFunctionAsync("before => document.getElementById('app').dataset.loaded !== before", loaded);
    }
}
