using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ApGrid.Domain;
using Microsoft.Playwright;

namespace ApGrid.Board.Tests;

/// <summary>AP staff take today's register on the board; the LA sees a pupil who has not arrived without reloading.</summary>
[Collection(BoardCollection.Name)]
public sealed class AttendanceBoardTests(BoardFixture board)
{
    private static readonly string[] AllSessions = ["MON_AM", "MON_PM", "TUE_AM", "TUE_PM", "WED_AM", "WED_PM", "THU_AM", "THU_PM", "FRI_AM", "FRI_PM"];

    [Fact]
    public async Task An_AP_takes_the_morning_register_with_the_codes_by_name()
    {
        var (pupilId, apUrn, day) = await PlaceForEverySessionAsync("RG", moveToNextSchoolDay: false);
        var page = await board.SignedInPageAsync("901", "AP_STAFF", apUrn, view: "register");
        var morning = page.Locator("form[data-session$='_AM']");
        var row = morning.Locator($"tr[data-pupil='{pupilId}']");
        await row.WaitForAsync();
        var caption = await morning.Locator("caption").InnerTextAsync();

        await row.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = "Late (before register closed) (L)" });
        await morning.Locator("button[type=submit]").ClickAsync();
        await page.Locator("[data-testid=register-saved]").WaitForAsync();

        Assert.StartsWith(Words(day) + " morning", caption, StringComparison.Ordinal);
        // The sweep may have found the morning unmarked before this; the mark is shown either way.
        Assert.StartsWith("Late (before register closed)", await page.Locator($"form[data-session$='_AM'] tr[data-pupil='{pupilId}'] [data-testid=register-mark]").InnerTextAsync(), StringComparison.Ordinal);
        var ap = await board.TokenAsync("901", "AP_STAFF", apUrn);
        var register = await board.GraphQLAsync(ap, "query($urn: String!, $date: Date) { register(urn: $urn, date: $date) { rows { pupil { id } session mark { mark code } } } }",
            new { urn = apUrn, date = BoardJourneys.Iso(day) });
        var marked = register.GetProperty("register").GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("pupil").GetProperty("id").GetString() == pupilId && r.GetProperty("session").GetString()!.EndsWith("_AM", StringComparison.Ordinal));
        Assert.Equal("L", marked.GetProperty("mark").GetProperty("code").GetString());
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_LA_sees_a_pupil_who_has_not_arrived_appear_without_reloading()
    {
        var (pupilId, _, _) = await PlaceForEverySessionAsync("NA", moveToNextSchoolDay: false);
        var page = await board.SignedInPageAsync("901", "LA_OFFICER", view: "not-arrived");
        await page.Locator("[data-testid=not-arrived-table]").WaitForAsync();
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        // The next school day, past 10:00 in England: nobody marked the pupil that morning.
        var day = await NextSchoolDayAsync();
        await PastMorningCutOffAsync();

        var row = page.Locator($"[data-testid=not-arrived-table] tr[data-pupil='{pupilId}'][data-session$='_AM'][data-date='{BoardJourneys.Iso(day)}']");
        await row.WaitForAsync(new() { Timeout = 20000 });
        Assert.Contains(Words(day) + " morning", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.Context.CloseAsync();
    }

    private static string Words(DateOnly day) => day.DayOfWeek.ToString();

    /// <summary>A Year 9 pupil referred, approved and placed for all ten sessions from a school day; the clock is left on that day.</summary>
    private async Task<(string PupilId, string ApUrn, DateOnly Day)> PlaceForEverySessionAsync(string initials, bool moveToNextSchoolDay)
    {
        const string Tenant = "901";
        var la = await board.TokenAsync(Tenant, "LA_OFFICER");
        var schoolUrn = await BoardJourneys.LastSchoolAsync(board, Tenant);
        var school = await board.TokenAsync(Tenant, "SCHOOL_STAFF", schoolUrn);
        var today = await BoardJourneys.TodayAsync(board);
        var pupilId = await BoardJourneys.RegisterPupilAsync(board, Tenant, schoolUrn, initials);
        var referral = await board.GraphQLAsync(school, """
            mutation($id: ID!) { submitReferral(input: { pupilId: $id, reason: "Repeated suspensions", strategiesTried: ["Pastoral support plan"] }) { id } }
            """, new { id = pupilId });
        var referralId = referral.GetProperty("submitReferral").GetProperty("id").GetString()!;
        await board.GraphQLAsync(school, "mutation($id: ID!, $on: Date!) { recordParentalConsent(referralId: $id, noticeGivenOn: $on) { parentalConsent } }", new { id = referralId, on = BoardJourneys.Iso(today) });
        await board.GraphQLAsync(la, """
            mutation($id: ID!, $on: Date!) { decideReferral(input: { referralId: $id, approved: true, panelMembers: ["Inclusion lead", "Educational psychologist"], decidedOn: $on }) { status } }
            """, new { id = referralId, on = BoardJourneys.Iso(today) });
        var search = await board.GraphQLAsync(la, "{ apCapacity(filter: { keyStage: KS3, registeredOnly: true }) { setting { urn sessions { session places free } fullTimePlaces outreachHoursPerWeek } } }");
        var setting = search.GetProperty("apCapacity")[0].GetProperty("setting");
        var apUrn = setting.GetProperty("urn").GetString()!;
        await board.GraphQLAsync(la, "mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { urn } }", new
        {
            input = new
            {
                urn = apUrn,
                fullTimePlaces = setting.GetProperty("fullTimePlaces").GetInt32(),
                sessions = setting.GetProperty("sessions").EnumerateArray().Select(s => new
                {
                    session = s.GetProperty("session").GetString(),
                    places = s.GetProperty("places").GetInt32() + (s.GetProperty("free").GetInt32() == 0 ? 1 : 0),
                }).ToArray(),
                outreachHoursPerWeek = setting.GetProperty("outreachHoursPerWeek").GetDouble(),
            },
        });

        var wait = await BoardJourneys.DaysPastNoticeAsync(board, Tenant, schoolUrn, today);
        await AdvanceAsync(wait, 0);
        var day = moveToNextSchoolDay ? await NextSchoolDayAsync() : await NextSchoolDayAsync(inclusive: true);
        await board.GraphQLAsync(la, "mutation($input: StartPlacementInput!) { startPlacement(input: $input) { id } }", new
        {
            input = new
            {
                referralId,
                apUrn,
                startDate = BoardJourneys.Iso(day),
                plannedEndDate = BoardJourneys.Iso(day.AddDays(84)),
                fullTime = false,
                sessions = AllSessions,
                objectives = new[] { "Attend every planned session" },
                reviewEveryWeeks = 4,
                idempotencyKey = Guid.NewGuid().ToString("N"),
            },
        });
        return (pupilId, apUrn, day);
    }

    /// <summary>Moves the clock to the next school day of the LA's calendar (today if it is one and <paramref name="inclusive"/>).</summary>
    private async Task<DateOnly> NextSchoolDayAsync(bool inclusive = false)
    {
        var today = await BoardJourneys.TodayAsync(board);
        var from = inclusive ? today : today.AddDays(1);
        var day = (await BoardJourneys.CalendarAsync(board, "901", null, from)).NextSchoolDayOnOrAfter(from);
        if (day != today) await AdvanceAsync(day.DayNumber - today.DayNumber, 0);
        return day;
    }

    private async Task PastMorningCutOffAsync()
    {
        var clock = await board.Http.GetFromJsonAsync<JsonElement>("/dev/clock");
        var local = TimeOnly.FromDateTime(AttendanceRules.UkLocal(clock.GetProperty("now").GetDateTimeOffset()));
        if (local < new TimeOnly(10, 5)) await AdvanceAsync(0, (int)Math.Ceiling((new TimeOnly(10, 5) - local).TotalMinutes));
    }

    private async Task AdvanceAsync(int days, int minutes)
    {
        using var advanced = await board.Http.PostAsJsonAsync("/dev/clock", new { advanceDays = days, advanceMinutes = minutes });
        advanced.EnsureSuccessStatusCode();
    }
}
