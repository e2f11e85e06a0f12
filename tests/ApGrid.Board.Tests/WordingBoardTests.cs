using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ApGrid.Board.Tests;

/// <summary>
/// The board in people's words: the LA and settings by name, sessions and year groups as schools say
/// them, counts with their plurals, errors without C# or schema constants, a step to confirm before
/// an allocation, and a line that says the page is live and when it last changed.
/// </summary>
[Collection(BoardCollection.Name)]
public sealed partial class WordingBoardTests(BoardFixture board)
{
    private static readonly Dictionary<string, string> Days = new(StringComparer.Ordinal)
    {
        ["MON"] = "Monday", ["TUE"] = "Tuesday", ["WED"] = "Wednesday", ["THU"] = "Thursday", ["FRI"] = "Friday",
    };

    [Fact]
    public async Task The_board_names_the_LA_and_the_setting_and_says_setting_types_in_words()
    {
        var la = await board.SignedInPageAsync("901", "LA_OFFICER");
        var line = await la.Locator("[data-testid=signed-in-as]").InnerTextAsync();
        Assert.Contains("Signed in to Northbridge as LA officer", line, StringComparison.Ordinal);
        Assert.DoesNotContain("LA 901", line, StringComparison.Ordinal);

        await la.Locator("[data-testid=capacity-table]").WaitForAsync();
        var table = await la.Locator("[data-testid=capacity-table]").InnerTextAsync();
        Assert.Contains("AP academy", table, StringComparison.Ordinal);
        Assert.Contains("Pupil referral unit", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Ap academy", table, StringComparison.Ordinal);
        Assert.DoesNotMatch(Constant(), table);
        Assert.Equal("Monday morning", await la.Locator("[data-testid=capacity-table] thead abbr").First.GetAttributeAsync("title"));

        var setting = (await board.GraphQLAsync(await board.TokenAsync("901", "LA_OFFICER"), "{ localAuthority { apSettings { urn name } } }"))
            .GetProperty("localAuthority").GetProperty("apSettings")[3];
        var ap = await board.SignedInPageAsync("901", "AP_STAFF", setting.GetProperty("urn").GetString());
        line = await ap.Locator("[data-testid=signed-in-as]").InnerTextAsync();
        Assert.Contains($"as AP staff for {setting.GetProperty("name").GetString()}.", line, StringComparison.Ordinal);
        Assert.DoesNotContain(setting.GetProperty("urn").GetString()!, line, StringComparison.Ordinal);
        await la.Context.CloseAsync();
        await ap.Context.CloseAsync();
    }

    [Fact]
    public async Task A_Reception_pupil_is_in_Reception_and_no_page_says_Year_0()
    {
        var la = await board.TokenAsync("902", "LA_OFFICER");
        var school = (await board.GraphQLAsync(la, "{ localAuthority { schools { urn } } }")).GetProperty("localAuthority").GetProperty("schools")[0].GetProperty("urn").GetString()!;
        var pupil = await BoardJourneys.RegisterPupilAsync(board, "902", school, "RC", yearGroup: 0);

        var page = await board.SignedInPageAsync("902", "LA_OFFICER", view: "pupil/" + pupil);
        await page.Locator("[data-testid=pupil-record]").WaitForAsync();
        Assert.Contains("Reception", await page.Locator("[data-testid=pupil-record]").InnerTextAsync(), StringComparison.Ordinal);

        foreach (var view in new[] { "report", "placements", "waiting", "referrals" })
        {
            await page.GotoAsync("/#" + view);
            await page.Locator($"#app[data-view={view}][data-loaded]").WaitForAsync();
            Assert.DoesNotMatch(@"\bY(ear )?0\b", await page.Locator("#app").InnerTextAsync());
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_refusal_names_the_session_in_words_with_no_CSharp_or_schema_constant()
    {
        // A setting with a session in use: setting that session to 0 places is refused.
        var la = await board.TokenAsync("901", "LA_OFFICER");
        var settings = (await board.GraphQLAsync(la, "{ localAuthority { apSettings { urn sessions { session places free } } } }"))
            .GetProperty("localAuthority").GetProperty("apSettings").EnumerateArray();
        var (urn, session) = settings.SelectMany(s => s.GetProperty("sessions").EnumerateArray()
                .Where(c => c.GetProperty("free").GetInt32() < c.GetProperty("places").GetInt32())
                .Select(c => (Urn: s.GetProperty("urn").GetString()!, Session: c.GetProperty("session").GetString()!)))
            .First();

        var page = await board.SignedInPageAsync("901", "AP_STAFF", urn);
        await page.Locator("[data-testid=availability-form]").WaitForAsync();
        await page.FillAsync($"#own-{session}", "0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save availability" }).ClickAsync();
        var error = page.Locator("[data-testid=api-error]");
        await error.WaitForAsync();
        var text = await error.InnerTextAsync();

        var inWords = $"{Days[session[..3]]} {(session.EndsWith("_AM", StringComparison.Ordinal) ? "morning" : "afternoon")}";
        Assert.Contains($"Places in session {inWords} cannot be 0", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(CSharpName(), text);
        Assert.DoesNotMatch(Constant(), text);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_count_of_one_is_singular_and_other_counts_plural()
    {
        // A school with no EHC case of its own gets exactly one.
        var la = await board.TokenAsync("902", "LA_OFFICER");
        var withCases = (await board.GraphQLAsync(la, "{ ehcpCases { pupil { homeSchool { urn } } } }")).GetProperty("ehcpCases").EnumerateArray()
            .Select(c => c.GetProperty("pupil").GetProperty("homeSchool").GetProperty("urn").GetString()).ToHashSet();
        var school = (await board.GraphQLAsync(la, "{ localAuthority { schools { urn } } }")).GetProperty("localAuthority").GetProperty("schools").EnumerateArray()
            .Select(s => s.GetProperty("urn").GetString()!).Reverse().First(u => !withCases.Contains(u));
        var pupil = await BoardJourneys.RegisterPupilAsync(board, "902", school, "PL");
        var today = await BoardJourneys.TodayAsync(board);
        await board.GraphQLAsync(la, "mutation($id: ID!, $on: Date!) { requestEhcAssessment(pupilId: $id, requestedOn: $on) { stage } }",
            new { id = pupil, on = BoardJourneys.Iso(today.AddDays(-7)) });

        var page = await board.SignedInPageAsync("902", "SCHOOL_STAFF", school, "ehcp");
        await page.Locator("#app[data-view=ehcp][data-loaded]").WaitForAsync();
        Assert.StartsWith("1 case, ", await page.Locator("[data-testid=ehcp-table] caption").InnerTextAsync(), StringComparison.Ordinal);

        var officer = await board.SignedInPageAsync("902", "LA_OFFICER", view: "ehcp");
        await officer.Locator("#app[data-view=ehcp][data-loaded]").WaitForAsync();
        Assert.Matches(@"^\d+ cases, ", await officer.Locator("[data-testid=ehcp-table] caption").InnerTextAsync());

        // Every count the board writes agrees with its noun.
        foreach (var view in new[] { "capacity", "placements", "waiting", "outreach", "providers", "referrals" })
        {
            await officer.GotoAsync("/#" + view);
            await officer.Locator($"#app[data-view={view}][data-loaded]").WaitForAsync();
            var text = await officer.Locator("#app").InnerTextAsync();
            Assert.DoesNotMatch(@"\b1 (settings|places|offers|open entries|cases|providers|open referrals|active placements|hours|full-time places)\b", text);
            Assert.DoesNotMatch(@"\b(0|[2-9]|\d\d+) (setting|place|offer|open entry|case|provider|open referral|active placement|hour|full-time place)\b(?![-\w])", text);
        }

        await page.Context.CloseAsync();
        await officer.Context.CloseAsync();
    }

    [Fact]
    public async Task Allocating_outreach_asks_first_and_cancel_changes_nothing()
    {
        var la = await board.TokenAsync("901", "LA_OFFICER");
        const string Counts = "{ outreach { open { id } allocated { hoursPerWeek } } }";
        var before = (await board.GraphQLAsync(la, Counts)).GetProperty("outreach");
        Assert.NotEqual(0, before.GetProperty("open").GetArrayLength());

        var page = await board.SignedInPageAsync("901", "LA_OFFICER", view: "outreach");
        var allocate = page.GetByRole(AriaRole.Button, new() { Name = "Allocate open requests" });
        await allocate.ClickAsync();
        var confirm = page.Locator("[data-testid=confirm]");
        Assert.Contains($"Allocate outreach hours to the {before.GetProperty("open").GetArrayLength()} open requests", await confirm.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await confirm.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal(before.GetProperty("open").GetArrayLength(), (await board.GraphQLAsync(la, Counts)).GetProperty("outreach").GetProperty("open").GetArrayLength());

        await allocate.ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Yes, allocate" }).ClickAsync();
        JsonElement after = default;
        for (var i = 0; i < 40; i++)
        {
            after = (await board.GraphQLAsync(la, Counts)).GetProperty("outreach");
            if (after.GetProperty("allocated").GetArrayLength() > before.GetProperty("allocated").GetArrayLength()) break;
            await Task.Delay(250);
        }

        Assert.True(after.GetProperty("allocated").GetArrayLength() > before.GetProperty("allocated").GetArrayLength(), after.ToString());

        // The page redraws itself from the live change the allocation causes.
        await page.WaitForFunctionAsync("open => document.querySelector('caption .govuk-tag')?.textContent === String(open)", after.GetProperty("open").GetArrayLength());
        Assert.Equal(0, await page.Locator("[data-testid=stale]").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Offering_a_special_school_place_asks_first_and_the_summary_counts_the_offer()
    {
        // A special school with a free place and a pupil first in its queue: the demo's, or one added now.
        var la = await board.TokenAsync("901", "LA_OFFICER");
        const string Lists = "{ localAuthority { specialSchools { urn name placesFree designations waitingList { id position status pupil { initials } } } } }";
        var school = (await board.GraphQLAsync(la, Lists)).GetProperty("localAuthority").GetProperty("specialSchools").EnumerateArray()
            .First(s => s.GetProperty("placesFree").GetInt32() > 0 && !s.GetProperty("waitingList").EnumerateArray().Any(e => e.GetProperty("status").GetString() == "OFFERED"));
        var urn = school.GetProperty("urn").GetString()!;
        var first = school.GetProperty("waitingList").EnumerateArray().FirstOrDefault(e => e.GetProperty("position").ValueKind == JsonValueKind.Number && e.GetProperty("position").GetInt32() == 1);
        if (first.ValueKind == JsonValueKind.Undefined)
        {
            var pupil = await BoardJourneys.RegisterPupilAsync(board, "901", await BoardJourneys.LastSchoolAsync(board, "901"), "WQ", sen: "EHC_PLAN");
            var added = await board.GraphQLAsync(la, "mutation($input: AddToWaitingListInput!) { addToWaitingList(input: $input) { id } }", new
            {
                input = new { pupilId = pupil, specialSchoolUrn = urn, addedOn = BoardJourneys.Iso(await BoardJourneys.TodayAsync(board)), overrideReason = "Nearest school able to meet the need" },
            });
            Assert.Equal(1, (await board.GraphQLAsync(la, Lists)).GetProperty("localAuthority").GetProperty("specialSchools").EnumerateArray()
                .Single(s => s.GetProperty("urn").GetString() == urn).GetProperty("waitingList").EnumerateArray()
                .Single(e => e.GetProperty("id").GetString() == added.GetProperty("addToWaitingList").GetProperty("id").GetString()).GetProperty("position").GetInt32());
        }

        var page = await board.SignedInPageAsync("901", "LA_OFFICER", view: "waiting");
        await page.Locator("#app[data-view=waiting][data-loaded]").WaitForAsync();
        var summary = page.Locator("[data-testid=waiting-summary]");
        var offersBefore = int.Parse(OffersOutstanding().Match(await summary.InnerTextAsync()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var offer = page.Locator("button[data-offer]", new() { HasTextString = school.GetProperty("name").GetString() });
        await offer.ClickAsync();
        var confirm = page.Locator("[data-testid=confirm]");
        Assert.StartsWith($"Offer {school.GetProperty("name").GetString()}'s free place to ", await confirm.Locator("p").InnerTextAsync(), StringComparison.Ordinal);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await confirm.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.StartsWith($"{offersBefore} ", OffersOutstanding().Match(await summary.InnerTextAsync()).Value, StringComparison.Ordinal);

        await offer.ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Yes, make the offer" }).ClickAsync();
        var expected = offersBefore + 1 == 1 ? "1 offer outstanding" : $"{offersBefore + 1} offers outstanding";
        await page.Locator("[data-testid=waiting-summary]", new() { HasTextString = expected }).WaitForAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_live_line_says_live_and_its_time_moves_when_a_live_update_arrives()
    {
        var page = await board.SignedInPageAsync("901", "LA_OFFICER");
        await page.Locator("[data-testid=live-indicator] [data-state=live]").WaitForAsync();
        var updated = page.Locator("[data-testid=live-updated]");
        await updated.WaitForAsync();
        var first = await updated.InnerTextAsync();
        Assert.Matches(@"^\d\d:\d\d:\d\d$", first);
        Assert.StartsWith("Live updated ", await page.Locator("[data-testid=live-indicator]").InnerTextAsync(), StringComparison.Ordinal);

        // A second later someone else changes a setting: the event, not a reload, moves the time.
        await Task.Delay(1100);
        var la = await board.TokenAsync("901", "LA_OFFICER");
        var setting = (await board.GraphQLAsync(la, "{ localAuthority { apSettings { urn fullTimePlaces outreachHoursPerWeek sessions { session places } } } }"))
            .GetProperty("localAuthority").GetProperty("apSettings")[0];
        await board.GraphQLAsync(la, "mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { urn } }", new
        {
            input = new
            {
                urn = setting.GetProperty("urn").GetString(),
                fullTimePlaces = setting.GetProperty("fullTimePlaces").GetInt32() + 1,
                outreachHoursPerWeek = setting.GetProperty("outreachHoursPerWeek").GetDouble(),
                sessions = setting.GetProperty("sessions").EnumerateArray().Where(c => c.GetProperty("places").GetInt32() > 0)
                    .Select(c => new { session = c.GetProperty("session").GetString(), places = c.GetProperty("places").GetInt32() }),
            },
        });
        await page.WaitForFunctionAsync("before => document.querySelector('[data-testid=live-updated]')?.textContent !== before", first);
        Assert.Matches(@"^\d\d:\d\d:\d\d$", await updated.InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Scalar_loads_nothing_from_outside_the_server()
    {
        var context = await board.NewContextAsync();
        var page = await context.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        await page.GotoAsync("/scalar/", new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.NotEmpty(requested);
        Assert.All(requested, url => Assert.StartsWith(board.BaseAddress.ToString(), url, StringComparison.Ordinal));
        await context.CloseAsync();
    }

    /// <summary>C# member names of the API's enums as they would print (TuePm, DraftIssued).</summary>
    [GeneratedRegex(@"\b(Mon|Tue|Wed|Thu|Fri)(Am|Pm)\b|\b(DraftIssued|FinalIssued|NotAssessed|NotIssued|RefusedToAssess|LaPanel|ApAcademy|PupilReferralUnit|FullTime)\b")]
    private static partial Regex CSharpName();

    [GeneratedRegex(@"(\d+) offers? outstanding")]
    private static partial Regex OffersOutstanding();

    /// <summary>A schema constant: TUE_PM, DRAFT_ISSUED.</summary>
    [GeneratedRegex(@"\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\b")]
    private static partial Regex Constant();
}
