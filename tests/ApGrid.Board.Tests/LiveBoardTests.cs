using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ApGrid.Board.Tests;

/// <summary>The board follows the API live: changes made elsewhere reach an open page through its subscriptions, without a reload.</summary>
[Collection(BoardCollection.Name)]
public sealed class LiveBoardTests(BoardFixture board, ITestOutputHelper output)
{
    [Fact]
    public async Task An_AP_changes_a_session_and_the_LA_board_shows_it_within_a_second_without_reload()
    {
        var la = await board.TokenAsync("901", "LA_OFFICER");
        var settings = await board.GraphQLAsync(la, "{ localAuthority { apSettings { urn sessions { session places free } } } }");
        var urn = settings.GetProperty("localAuthority").GetProperty("apSettings")[0].GetProperty("urn").GetString()!;

        var laPage = await board.SignedInPageAsync("901", "LA_OFFICER");
        await laPage.Locator("[data-testid=capacity-table]").WaitForAsync();
        var cell = laPage.Locator($"td[data-urn='{urn}'][data-session=WED_PM]");
        var before = int.Parse(await cell.GetAttributeAsync("data-places") ?? "0", CultureInfo.InvariantCulture);
        // Marks this document: a reload would lose it.
        await laPage.EvaluateAsync("() => { window.notReloaded = true; }");

        var apPage = await board.SignedInPageAsync("901", "AP_STAFF", urn);
        var input = apPage.Locator("#own-WED_PM");
        await input.WaitForAsync();
        var wanted = before + 3;
        await input.FillAsync(wanted.ToString(CultureInfo.InvariantCulture));

        // Both pages stamp the moment on the same machine clock: the AP's submit, and the LA's table showing the number.
        await laPage.EvaluateAsync("""
            ([urn, places]) => {
              window.seenAt = null;
              const check = () => {
                const cell = document.querySelector(`td[data-urn='${urn}'][data-session=WED_PM]`);
                if (window.seenAt === null && cell?.dataset.places === places) window.seenAt = Date.now();
              };
              new MutationObserver(check).observe(document.getElementById('app'), { subtree: true, childList: true, attributes: true });
            }
            """, new object[] { urn, wanted.ToString(CultureInfo.InvariantCulture) });
        await apPage.EvaluateAsync("() => document.querySelector('[data-testid=availability-form]').addEventListener('submit', () => { window.savedAt = Date.now(); }, { capture: true })");

        var clock = Stopwatch.StartNew();
        await apPage.GetByRole(AriaRole.Button, new() { Name = "Save availability" }).ClickAsync();
        await laPage.WaitForFunctionAsync("() => window.seenAt !== null", null, new() { Timeout = 5000, PollingInterval = 10 });
        clock.Stop();
        var latency = await laPage.EvaluateAsync<double>("() => window.seenAt") - await apPage.EvaluateAsync<double>("() => window.savedAt");

        Assert.True(await laPage.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await apPage.Locator(".govuk-notification-banner--success").WaitForAsync();
        output.WriteLine($"live update: AP saved WED PM = {wanted}; the LA's board showed it {latency:F0} ms later (in the browsers; {clock.ElapsedMilliseconds} ms as the test driver saw it)");
        Figures.Record("live-update-ms", latency.ToString("F0", CultureInfo.InvariantCulture));
        Assert.True(latency < 1000, $"took {latency:F0} ms");

        await laPage.Context.CloseAsync();
        await apPage.Context.CloseAsync();
    }

    [Fact]
    public async Task A_placement_started_through_the_API_appears_on_the_open_placements_board()
    {
        var page = await board.SignedInPageAsync("901", "LA_OFFICER", view: "placements");
        await page.Locator("[data-testid=placements-table]").WaitForAsync();
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        var placementId = await StartPlacementAsync("901");

        await page.Locator($"tr[data-placement='{placementId}']").WaitForAsync(new() { Timeout = 5000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task First_render_of_the_capacity_board_for_the_larger_tenant_is_measured()
    {
        // Once to warm the server's grains and the browser's cache, as a user who comes back would find them; then measured.
        var warm = await board.SignedInPageAsync("902", "LA_OFFICER");
        await warm.WaitForFunctionAsync("() => window.apgridFirstRender !== undefined");
        await warm.Context.CloseAsync();

        var cold = await board.SignedInPageAsync("902", "LA_OFFICER");
        var first = await (await cold.WaitForFunctionAsync("() => window.apgridFirstRender")).JsonValueAsync<double>();
        var rows = await cold.Locator("[data-testid=capacity-table] tbody tr").CountAsync();
        output.WriteLine($"first render of the capacity board, tenant 902 ({rows} settings): {first:F0} ms after navigation start");
        Figures.Record("first-render-902-ms", first.ToString("F0", CultureInfo.InvariantCulture));
        Assert.True(rows > 0);
        await cold.Context.CloseAsync();
    }

    /// <summary>The journey of PlacementWorld in the server tests, short: a school registers and refers, the LA approves and places.</summary>
    private async Task<string> StartPlacementAsync(string tenant)
    {
        var la = await board.TokenAsync(tenant, "LA_OFFICER");
        var schoolUrn = await BoardJourneys.LastSchoolAsync(board, tenant);
        var school = await board.TokenAsync(tenant, "SCHOOL_STAFF", schoolUrn);
        var today = await BoardJourneys.TodayAsync(board);
        var pupilId = await BoardJourneys.RegisterPupilAsync(board, tenant, schoolUrn, "BT");
        var referral = await board.GraphQLAsync(school, """
            mutation($id: ID!) { submitReferral(input: { pupilId: $id, reason: "Repeated suspensions", strategiesTried: ["Pastoral support plan"] }) { id } }
            """, new { id = pupilId });
        var referralId = referral.GetProperty("submitReferral").GetProperty("id").GetString()!;
        await board.GraphQLAsync(school, "mutation($id: ID!, $on: Date!) { recordParentalConsent(referralId: $id, noticeGivenOn: $on) { parentalConsent } }", new { id = referralId, on = Iso(today) });
        await board.GraphQLAsync(la, """
            mutation($id: ID!, $on: Date!) { decideReferral(input: { referralId: $id, approved: true, panelMembers: ["Inclusion lead", "Educational psychologist"], decidedOn: $on }) { status } }
            """, new { id = referralId, on = Iso(today) });

        var search = await board.GraphQLAsync(la, """
            query($pupil: ID!) { apCapacity(filter: { nearPupil: $pupil, keyStage: KS3, registeredOnly: true, sessions: [TUE_PM, THU_PM] }) { setting { urn } } }
            """, new { pupil = pupilId });
        var apUrn = search.GetProperty("apCapacity")[0].GetProperty("setting").GetProperty("urn").GetString()!;

        // The two-school-day notice must have passed before the start.
        var wait = await BoardJourneys.DaysPastNoticeAsync(board, tenant, schoolUrn, today);
        using var advanced = await board.Http.PostAsJsonAsync("/dev/clock", new { advanceDays = wait });
        advanced.EnsureSuccessStatusCode();
        var start = today.AddDays(wait);
        var placement = await board.GraphQLAsync(la, """
            mutation($input: StartPlacementInput!) { startPlacement(input: $input) { id } }
            """, new
        {
            input = new
            {
                referralId,
                apUrn,
                startDate = Iso(start),
                plannedEndDate = Iso(start.AddDays(84)),
                fullTime = false,
                sessions = new[] { "TUE_PM", "THU_PM" },
                objectives = new[] { "Attend every planned session" },
                reviewEveryWeeks = 4,
                idempotencyKey = Guid.NewGuid().ToString("N"),
            },
        });
        return placement.GetProperty("startPlacement").GetProperty("id").GetString()!;
    }

    private static string Iso(DateOnly date) => BoardJourneys.Iso(date);
}
