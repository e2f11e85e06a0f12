using System.Globalization;

namespace ApGrid.Board.Tests;

/// <summary>Exclusions on the board: the school records one on the pupil page, the LA sees its sixth-day duties in words.</summary>
[Collection(BoardCollection.Name)]
public sealed class ExclusionBoardTests(BoardFixture board)
{
    private static string InWords(DateOnly date) => date.ToString("dddd d MMMM", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_la_sees_a_permanent_exclusion_with_no_provision_by_day_six_flagged_with_the_day_in_words()
    {
        var today = await BoardJourneys.TodayAsync(board);
        var schoolUrn = await BoardJourneys.LastSchoolAsync(board, "901");
        var pupil = await BoardJourneys.RegisterPupilAsync(board, "901", schoolUrn, "XQ");
        var calendar = await BoardJourneys.CalendarAsync(board, "901", schoolUrn, today.AddDays(-60));
        var start = calendar.NextSchoolDayOnOrAfter(today.AddDays(-45));
        var sixth = calendar.AddSchoolDays(start, 5);
        Assert.True(sixth < today, "day 6 must be behind today");
        var la = await board.TokenAsync("901", "LA_OFFICER");
        var recorded = await board.GraphQLAsync(la, "mutation($input: RecordExclusionInput!) { recordExclusion(input: $input) { id } }", new
        {
            input = new { pupilId = pupil, kind = "PERMANENT_EXCLUSION", startDate = BoardJourneys.Iso(start), reason = "DAMAGE" },
        });
        var exclusionId = recorded.GetProperty("recordExclusion").GetProperty("id").GetString()!;

        var page = await board.SignedInPageAsync("901", "LA_OFFICER", view: "sixth-day");
        var row = page.Locator($"[data-testid=duty][data-exclusion='{exclusionId}']");
        await row.WaitForAsync();

        Assert.Equal(InWords(sixth), await row.Locator("[data-testid=sixth-day]").InnerTextAsync());
        Assert.Equal("No provision: overdue", await row.Locator("[data-testid=duty-status]").InnerTextAsync());
        var text = await row.InnerTextAsync();
        Assert.Contains("Permanent exclusion", text, StringComparison.Ordinal);
        Assert.Contains("The LA", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PERMANENT_EXCLUSION", text, StringComparison.Ordinal);
        Assert.DoesNotContain("LOCAL_AUTHORITY", text, StringComparison.Ordinal);
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_school_records_a_suspension_on_the_pupil_page_and_sees_who_owes_education_from_day_six()
    {
        var today = await BoardJourneys.TodayAsync(board);
        var schoolUrn = await BoardJourneys.LastSchoolAsync(board, "901");
        var pupil = await BoardJourneys.RegisterPupilAsync(board, "901", schoolUrn, "XS");
        var calendar = await BoardJourneys.CalendarAsync(board, "901", schoolUrn, today);
        var start = calendar.NextSchoolDayOnOrAfter(today);

        var page = await board.SignedInPageAsync("901", "SCHOOL_STAFF", schoolUrn, view: $"pupil/{pupil}");
        var form = page.Locator("[data-region=exclude]");
        await form.WaitForAsync();
        await form.GetByLabel("First day").FillAsync(BoardJourneys.Iso(start));
        await form.GetByLabel("Length of a suspension in sessions").FillAsync("12");
        await form.GetByLabel("Reason").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "Bullying" });
        await form.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Record" }).ClickAsync();

        var row = page.Locator("[data-testid=exclusion]");
        await page.Locator("[data-testid=exclusion], [data-region=exclude-message] [data-testid=api-error]").First.WaitForAsync();
        Assert.Equal("", await page.Locator("[data-region=exclude-message]").InnerTextAsync());
        var text = await row.InnerTextAsync();
        Assert.Contains("Suspension", text, StringComparison.Ordinal);
        Assert.Contains("Bullying", text, StringComparison.Ordinal);
        Assert.Contains("6 school days", text, StringComparison.Ordinal);
        Assert.Contains($"The school from {InWords(calendar.AddSchoolDays(start, 5))}", text, StringComparison.Ordinal);
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.Context.CloseAsync();
    }
}
