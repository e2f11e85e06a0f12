using Microsoft.Playwright;

namespace ApGrid.Board.Tests;

/// <summary>The pupil page: the record as of today, a correction made through the form, and the history that keeps it.</summary>
[Collection(BoardCollection.Name)]
public sealed class PupilPageTests(BoardFixture board)
{
    [Fact]
    public async Task The_home_school_corrects_a_record_and_sees_the_change_kept_with_who_and_why()
    {
        var school = await BoardJourneys.LastSchoolAsync(board, "902");
        var pupilId = await BoardJourneys.RegisterPupilAsync(board, "902", school, "PC");
        var page = await board.SignedInPageAsync("902", "SCHOOL_STAFF", school, "pupil/" + pupilId);
        await page.Locator("[data-testid=pupil-record]").WaitForAsync();
        Assert.Contains("Year 9", await page.Locator("[data-testid=pupil-record]").InnerTextAsync(), StringComparison.Ordinal);

        // A date of birth changed without a reason is refused, naming the rule, and nothing changes.
        await page.FillAsync("#dateOfBirth", "2010-01-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save correction" }).ClickAsync();
        await page.Locator("[data-testid=api-error]").WaitForAsync();
        Assert.Contains("needs a reason", await page.Locator("[data-testid=api-error]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("No corrections", await page.Locator("[data-testid=corrections]").InnerTextAsync(), StringComparison.Ordinal);

        await page.ReloadAsync();
        await page.Locator("[data-testid=pupil-record]").WaitForAsync();
        await page.FillAsync("#homePostcode", "ne1 4st");
        await page.FillAsync("#reason", "Parent gave the new address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save correction" }).ClickAsync();
        await page.Locator("[data-testid=correction]").WaitForAsync();

        var history = await page.Locator("[data-testid=correction]").InnerTextAsync();
        Assert.Contains("Home postcode: not recorded → NE1 4ST", history, StringComparison.Ordinal);
        Assert.Contains("Parent gave the new address", history, StringComparison.Ordinal);
        Assert.Contains("NE1 4ST", await page.Locator("[data-testid=pupil-record]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
    }

    [Fact]
    public async Task An_LA_officer_downloads_the_subject_access_export_from_the_pupil_page_and_a_school_is_not_offered_it()
    {
        var school = await BoardJourneys.LastSchoolAsync(board, "902");
        var pupilId = await BoardJourneys.RegisterPupilAsync(board, "902", school, "SA");
        var page = await board.SignedInPageAsync("902", "LA_OFFICER", view: "pupil/" + pupilId);
        var offer = page.Locator("[data-testid=subject-access]");
        await offer.WaitForAsync();

        // The board fetches the file with its own credentials and hands it to the browser.
        var download = await page.RunAndWaitForDownloadAsync(() => offer.GetByRole(AriaRole.Button, new() { Name = "Download a page to read" }).ClickAsync());
        Assert.Equal($"subject-access-{pupilId}.html", download.SuggestedFilename);
        Assert.Contains("Everything ApGrid holds about pupil " + pupilId, await File.ReadAllTextAsync((await download.PathAsync())!), StringComparison.Ordinal);
        Assert.Empty(await Axe.SeriousViolationsAsync(page));

        var schoolPage = await board.SignedInPageAsync("902", "SCHOOL_STAFF", school, "pupil/" + pupilId);
        await schoolPage.Locator("[data-testid=pupil-record]").WaitForAsync();
        Assert.Equal(0, await schoolPage.Locator("[data-testid=subject-access]").CountAsync());
    }
}
