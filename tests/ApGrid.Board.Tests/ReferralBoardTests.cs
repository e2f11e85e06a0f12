using System.Text.Json;
using Microsoft.Playwright;

namespace ApGrid.Board.Tests;

/// <summary>The board as a workplace: a school refers and records consent, the LA's panel decides and places.</summary>
[Collection(BoardCollection.Name)]
public sealed class ReferralBoardTests(BoardFixture board)
{
    [Fact]
    public async Task A_school_refers_a_pupil_and_records_consent_and_a_refusal_names_the_rule()
    {
        var school = await BoardJourneys.LastSchoolAsync(board, "901");
        var pupilId = await BoardJourneys.RegisterPupilAsync(board, "901", school, "RF");
        var page = await board.SignedInPageAsync("901", "SCHOOL_STAFF", school, "referrals");
        await page.Locator("form[data-region=refer]").WaitForAsync();
        await page.SelectOptionAsync("#pupilId", pupilId);

        // Nothing tried yet: the API refuses, naming the field, and the form says so.
        await page.FillAsync("#reason", "Repeated suspensions and distress in class");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit referral" }).ClickAsync();
        await page.Locator("form[data-region=refer] [data-testid=api-error]").WaitForAsync();
        Assert.Contains("strateg", await page.Locator("form[data-region=refer] [data-testid=api-error]").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);

        await page.FillAsync("#strategiesTried", "Pastoral support plan\nOutreach from the PRU");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit referral" }).ClickAsync();
        var row = page.Locator($"[data-testid=referral]:has(a[href='#pupil/{pupilId}'])");
        await row.WaitForAsync();
        Assert.Contains("Awaiting panel", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("No consent yet", await row.InnerTextAsync(), StringComparison.Ordinal);

        await row.GetByRole(AriaRole.Button, new() { Name = "Record parental consent (notice given today)" }).ClickAsync();
        await page.Locator($"[data-testid=referral]:has(a[href='#pupil/{pupilId}']):has-text('Consent recorded')").WaitForAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
    }

    [Fact]
    public async Task The_LA_panel_approves_a_referral_and_places_the_pupil_in_named_sessions()
    {
        const string tenant = "902";
        var schoolUrn = await BoardJourneys.LastSchoolAsync(board, tenant);
        var pupilId = await BoardJourneys.RegisterPupilAsync(board, tenant, schoolUrn, "PN");
        var school = await board.TokenAsync(tenant, "SCHOOL_STAFF", schoolUrn);
        var today = await BoardJourneys.TodayAsync(board);
        var referral = (await board.GraphQLAsync(school, """
            mutation($id: ID!) { submitReferral(input: { pupilId: $id, reason: "Persistent absence and anxiety", strategiesTried: ["Part-time timetable", "Counselling"] }) { id } }
            """, new { id = pupilId })).GetProperty("submitReferral").GetProperty("id").GetString()!;
        await board.GraphQLAsync(school, "mutation($id: ID!, $on: Date!) { recordParentalConsent(referralId: $id, noticeGivenOn: $on) { id } }", new { id = referral, on = BoardJourneys.Iso(today) });
        var la = await board.TokenAsync(tenant, "LA_OFFICER");
        var setting = (await board.GraphQLAsync(la, "{ localAuthority { apSettings { urn name keyStages sessions { session free } } } }"))
            .GetProperty("localAuthority").GetProperty("apSettings").EnumerateArray()
            .First(s => s.GetProperty("keyStages").EnumerateArray().Any(k => k.GetString() == "KS3")
                && s.GetProperty("sessions").EnumerateArray().Count(x => x.GetProperty("free").GetInt32() > 0 && x.GetProperty("session").GetString()!.StartsWith("TUE", StringComparison.Ordinal)) == 2);
        var start = today.AddDays(await BoardJourneys.DaysPastNoticeAsync(board, tenant, schoolUrn, today));

        var page = await board.SignedInPageAsync(tenant, "LA_OFFICER", view: "referrals");
        var row = page.Locator($"[data-referral='{referral}'][data-testid=referral]");
        await row.WaitForAsync();
        await row.Locator("textarea[name=panelMembers]").FillAsync("Inclusion lead\nEducational psychologist");
        await row.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await page.Locator($"[data-referral='{referral}'][data-testid=referral]:has-text('Approved: to place')").WaitForAsync();

        await row.Locator("select[name=apUrn]").SelectOptionAsync(setting.GetProperty("urn").GetString()!);
        await row.GetByLabel("Tuesday morning").CheckAsync();
        await row.GetByLabel("Tuesday afternoon").CheckAsync();
        await row.Locator("input[name=startDate]").FillAsync(BoardJourneys.Iso(start));
        await row.GetByRole(AriaRole.Button, new() { Name = "Start placement" }).ClickAsync();
        var done = page.Locator($"[data-referral='{referral}'][data-testid=referral]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        var refused = row.Locator("[data-testid=api-error]").WaitForAsync();
        if (await Task.WhenAny(done, refused) == refused) Assert.Fail(await row.Locator("[data-testid=api-error]").InnerTextAsync());
        await done;

        var placed = (await board.GraphQLAsync(la, "query($id: ID!) { pupil(id: $id) { placements { sessions route status setting { urn } } } }", new { id = pupilId }))
            .GetProperty("pupil").GetProperty("placements").EnumerateArray().Single();
        Assert.Equal(["TUE_AM", "TUE_PM"], placed.GetProperty("sessions").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(("LA_PANEL", "ACTIVE"), (placed.GetProperty("route").GetString(), placed.GetProperty("status").GetString()));
        Assert.Equal(setting.GetProperty("urn").GetString(), placed.GetProperty("setting").GetProperty("urn").GetString());
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
    }
}
