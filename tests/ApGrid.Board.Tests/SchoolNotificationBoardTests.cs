using Microsoft.Playwright;

namespace ApGrid.Board.Tests;

/// <summary>
/// A school records an off-site direction on the board; the LA's list shows it live, the LA asks a
/// question, the school answers, and the LA acknowledges it off its list (issue 26).
/// </summary>
[Collection(BoardCollection.Name)]
public sealed class SchoolNotificationBoardTests(BoardFixture board)
{
    [Fact]
    public async Task A_schools_direction_reaches_the_LAs_list_live_and_is_queried_answered_and_acknowledged()
    {
        const string tenant = "902";
        var schoolUrn = await BoardJourneys.LastSchoolAsync(board, tenant);
        var pupilId = await BoardJourneys.RegisterPupilAsync(board, tenant, schoolUrn, "DN");
        var today = await BoardJourneys.TodayAsync(board);
        var la = await board.TokenAsync(tenant, "LA_OFFICER");
        var setting = (await board.GraphQLAsync(la, "{ localAuthority { apSettings { urn name type keyStages sessions { session free } } } }"))
            .GetProperty("localAuthority").GetProperty("apSettings").EnumerateArray()
            .First(s => s.GetProperty("type").GetString() != "UNREGISTERED_PROVIDER" && s.GetProperty("keyStages").EnumerateArray().Any(k => k.GetString() == "KS3")
                && s.GetProperty("sessions").EnumerateArray().Any(x => x.GetProperty("free").GetInt32() > 0 && x.GetProperty("session").GetString() == "WED_AM"));
        var start = today.AddDays(await BoardJourneys.DaysPastNoticeAsync(board, tenant, schoolUrn, today));

        var laPage = await board.SignedInPageAsync(tenant, "LA_OFFICER", view: "directions");
        await laPage.Locator("[data-testid=notifications-table]").WaitForAsync();
        var schoolPage = await board.SignedInPageAsync(tenant, "SCHOOL_STAFF", schoolUrn, "directions");
        var form = schoolPage.Locator("form[data-region=direct]");
        await form.WaitForAsync();
        await schoolPage.SelectOptionAsync("#d-pupil", pupilId);
        await schoolPage.SelectOptionAsync("#d-setting", setting.GetProperty("urn").GetString()!);
        await form.GetByLabel("Wednesday morning").CheckAsync();
        await schoolPage.FillAsync("#d-start", BoardJourneys.Iso(start));
        await schoolPage.FillAsync("#d-report", "Mr Okafor at reception");

        // The notice must say the times: the refusal names it in the contract's words.
        await form.GetByRole(AriaRole.Button, new() { Name = "Record the direction" }).ClickAsync();
        await form.Locator("[data-testid=api-error]").WaitForAsync();
        Assert.Contains("notice.times", await form.Locator("[data-testid=api-error]").InnerTextAsync(), StringComparison.Ordinal);
        await schoolPage.FillAsync("#d-times", "Wednesdays 09:00 to 12:00");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record the direction" }).ClickAsync();

        // The LA's open page shows it without a reload, in words.
        var laRow = laPage.Locator($"[data-testid=notification]:has(a[href='#pupil/{pupilId}'])");
        await laRow.WaitForAsync();
        var text = await laRow.InnerTextAsync();
        Assert.Contains("Off-site direction (school)", text, StringComparison.Ordinal);
        Assert.Contains("Wednesday morning", text, StringComparison.Ordinal);
        Assert.Contains("Awaiting acknowledgement", text, StringComparison.Ordinal);
        Assert.Contains(setting.GetProperty("name").GetString()!, text, StringComparison.Ordinal);

        await laRow.Locator("textarea[name=question]").FillAsync("Who travels with the pupil?");
        await laRow.GetByRole(AriaRole.Button, new() { Name = "Send question" }).ClickAsync();
        await laPage.Locator($"[data-testid=notification]:has(a[href='#pupil/{pupilId}']):has-text('LA has a question')").WaitForAsync();

        await schoolPage.ReloadAsync();
        var schoolRow = schoolPage.Locator($"[data-testid=notification]:has(a[href='#pupil/{pupilId}'])");
        await schoolRow.Locator("[data-testid=question]:has-text('Who travels with the pupil?')").WaitForAsync();
        await schoolRow.Locator("textarea[name=answer]").FillAsync("A teaching assistant for the first fortnight.");
        await schoolRow.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await schoolPage.Locator($"[data-testid=notification]:has(a[href='#pupil/{pupilId}']):has-text('Waiting for the LA')").WaitForAsync();

        await laPage.Locator($"[data-testid=notification]:has(a[href='#pupil/{pupilId}']):has-text('School answered: A teaching assistant')").WaitForAsync();
        await laRow.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await laRow.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Empty(await Axe.SeriousViolationsAsync(laPage));
        Assert.Empty(await Axe.SeriousViolationsAsync(schoolPage));
    }
}
