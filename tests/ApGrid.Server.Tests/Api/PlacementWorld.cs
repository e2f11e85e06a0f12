using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ApGrid.Domain;

namespace ApGrid.Server.Tests.Api;

/// <summary>Steps of the placement journey through the public API, as the LA, a school and an AP would take them.</summary>
internal sealed class PlacementWorld(RunningServerFixture server, string tenant)
{
    private static int nextSerial = Random.Shared.Next(0, 500);

    public string Tenant => tenant;

    public async Task<DateOnly> TodayAsync()
    {
        var clock = await server.Http.GetFromJsonAsync<JsonElement>("/dev/clock");
        return DateOnly.FromDateTime(clock.GetProperty("now").GetDateTimeOffset().UtcDateTime);
    }

    public async Task<DateOnly> AdvanceDaysAsync(int days)
    {
        using var response = await server.Http.PostAsJsonAsync("/dev/clock", new { advanceDays = days });
        response.EnsureSuccessStatusCode();
        return await TodayAsync();
    }

    public Task<string> LaAsync() => server.TokenAsync(tenant, "LA_OFFICER");

    /// <summary>
    /// The school's calendar from the API for the academic year of <paramref name="date"/> and the
    /// next, so tests count school days exactly as the server does.
    /// </summary>
    public async Task<SchoolCalendar> CalendarAsync(DateOnly date, string? schoolUrn = null)
    {
        var first = SchoolYear.AcademicYearStart(date).Year;
        var years = new List<TermDates>();
        var extra = new List<DateOnly>();
        foreach (var year in new[] { first, first + 1 })
        {
            var response = await server.PostAsync(await LaAsync(), """
                query($year: Int!, $urn: String) { schoolCalendar(academicYear: $year, schoolUrn: $urn) {
                  isDefault terms { startDate endDate } insetDays schoolInsetDays } }
                """, new { year, urn = schoolUrn });
            Assert.False(response.HasErrors, response.Body);
            var calendar = response.Data.GetProperty("schoolCalendar");
            years.Add(new TermDates(
                year,
                [.. calendar.GetProperty("terms").EnumerateArray().Select(t => new HalfTerm(Date(t.GetProperty("startDate")), Date(t.GetProperty("endDate"))))],
                [.. calendar.GetProperty("insetDays").EnumerateArray().Select(Date)],
                calendar.GetProperty("isDefault").GetBoolean()));
            extra.AddRange(calendar.GetProperty("schoolInsetDays").EnumerateArray().Select(Date));
        }

        return new SchoolCalendar(years, extra);
    }

    /// <summary>
    /// After notice given today, moves the clock to the first day the placement may start: two
    /// school days of the home school's calendar (and at least <paramref name="atLeastDays"/>).
    /// The shared clock moves no further than the rule needs, so the collection's run crosses as
    /// few dated events (leaving dates, deadlines) as it can.
    /// </summary>
    public async Task<DateOnly> AdvancePastNoticeAsync(string schoolUrn, int atLeastDays = 0)
    {
        var today = await TodayAsync();
        return await AdvanceDaysAsync((await StartAfterNoticeAsync(schoolUrn, today, atLeastDays)).DayNumber - today.DayNumber);
    }

    /// <summary>The first start date allowed after notice given <paramref name="noticeGivenOn"/>, and never less than <paramref name="atLeastDays"/> after it.</summary>
    public async Task<DateOnly> StartAfterNoticeAsync(string schoolUrn, DateOnly noticeGivenOn, int atLeastDays)
    {
        var earliest = ConsentRules.EarliestStart(await CalendarAsync(noticeGivenOn, schoolUrn), noticeGivenOn);
        return earliest > noticeGivenOn.AddDays(atLeastDays) ? earliest : noticeGivenOn.AddDays(atLeastDays);
    }

    public async Task<IReadOnlyList<string>> SchoolUrnsAsync()
    {
        var response = await server.PostAsync(await LaAsync(), "{ localAuthority { schools { urn } } }");
        return [.. response.Data.GetProperty("localAuthority").GetProperty("schools").EnumerateArray().Select(s => s.GetProperty("urn").GetString()!)];
    }

    /// <summary>Registers a pupil as the school's own staff would; returns the pupil's id.</summary>
    public async Task<string> RegisterPupilAsync(string schoolUrn, int yearGroup, string sen = "SEN_SUPPORT", bool lookedAfter = false, string? primaryNeed = "SEMH")
    {
        var today = await TodayAsync();
        var dateOfBirth = SchoolYear.AcademicYearStart(today).AddYears(-(yearGroup + 5)).AddDays(100);
        var serial = Interlocked.Increment(ref nextSerial);
        var last12 = tenant + "9" + (serial / 1000 % 1000).ToString("D3", CultureInfo.InvariantCulture) + "24" + (serial % 1000).ToString("D3", CultureInfo.InvariantCulture);
        var school = await server.TokenAsync(tenant, "SCHOOL_STAFF", schoolUrn);
        var response = await server.PostAsync(school, """
            mutation($input: RegisterPupilInput!) { registerPupil(input: $input) { id upn keyStage } }
            """, new
        {
            input = new
            {
                upn = Upn.CheckLetterFor(last12) + last12,
                initials = "TW",
                dateOfBirth = dateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                yearGroup,
                homeSchoolUrn = schoolUrn,
                senProvision = sen,
                primaryNeed,
                lookedAfter,
            },
        });
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty("registerPupil").GetProperty("id").GetString()!;
    }

    /// <summary>Referral by the school, consent recorded, and (optionally) the panel's approval; returns the referral id.</summary>
    public async Task<string> ReferAsync(string pupilId, string schoolUrn, bool consent = true, bool approve = true)
    {
        var school = await server.TokenAsync(tenant, "SCHOOL_STAFF", schoolUrn);
        var submitted = await server.PostAsync(school, """
            mutation($pupilId: ID!) {
              submitReferral(input: { pupilId: $pupilId, reason: "Repeated suspensions; escalating distress in class", strategiesTried: ["Pastoral support plan", "Outreach from the PRU"] }) { id status }
            }
            """, new { pupilId });
        Assert.False(submitted.HasErrors, submitted.Body);
        var referralId = submitted.Data.GetProperty("submitReferral").GetProperty("id").GetString()!;
        var today = await TodayAsync();
        if (consent)
        {
            var consented = await server.PostAsync(school, "mutation($id: ID!, $on: Date!) { recordParentalConsent(referralId: $id, noticeGivenOn: $on) { parentalConsent } }",
                new { id = referralId, on = Iso(today) });
            Assert.False(consented.HasErrors, consented.Body);
        }

        if (approve)
        {
            var decided = await server.PostAsync(await LaAsync(), """
                mutation($id: ID!, $on: Date!) { decideReferral(input: { referralId: $id, approved: true, panelMembers: ["Inclusion lead", "Educational psychologist"], decidedOn: $on }) { status } }
                """, new { id = referralId, on = Iso(today) });
            Assert.False(decided.HasErrors, decided.Body);
            Assert.Equal("APPROVED", decided.Data.GetProperty("decideReferral").GetProperty("status").GetString());
        }

        return referralId;
    }

    public async Task<GraphQLResponse> StartAsync(string referralId, string apUrn, DateOnly start, bool fullTime, string[] sessions, string? idempotencyKey = null) =>
        await server.PostAsync(await LaAsync(), """
            mutation($input: StartPlacementInput!) {
              startPlacement(input: $input) { id status fullTime sessions apRegistration nextReviewDue reviewEveryWeeks setting { urn } pupil { id } }
            }
            """, new
        {
            input = new
            {
                referralId,
                apUrn,
                startDate = Iso(start),
                plannedEndDate = Iso(start.AddDays(84)),
                fullTime,
                sessions,
                objectives = new[] { "Attend every planned session", "Return to mainstream for Year 7" },
                reviewEveryWeeks = 4,
                idempotencyKey,
            },
        });

    public async Task<JsonElement> SettingAsync(string urn)
    {
        var response = await server.PostAsync(await LaAsync(),
            "query($urn: String!) { apSetting(urn: $urn) { urn registered keyStages fullTimePlaces fullTimePlacesFree sessions { session places free } outreachHoursPerWeek } }",
            new { urn });
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty("apSetting");
    }

    public async Task<JsonElement> IndexedSettingAsync(string urn)
    {
        var response = await server.PostAsync(await LaAsync(), "{ apCapacity { setting { urn fullTimePlacesFree sessions { session free } } } }");
        return response.Data.GetProperty("apCapacity").EnumerateArray().Select(m => m.GetProperty("setting")).Single(s => s.GetProperty("urn").GetString() == urn);
    }

    /// <summary>As the LA would: raises the given sessions' places so each has at least one free.</summary>
    public async Task EnsureFreeSessionsAsync(string urn, params string[] sessions)
    {
        var setting = await SettingAsync(urn);
        var response = await server.PostAsync(await LaAsync(), "mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { urn } }", new
        {
            input = new
            {
                urn,
                fullTimePlaces = setting.GetProperty("fullTimePlaces").GetInt32(),
                sessions = setting.GetProperty("sessions").EnumerateArray().Select(s => new
                {
                    session = s.GetProperty("session").GetString(),
                    places = s.GetProperty("places").GetInt32() + (sessions.Contains(s.GetProperty("session").GetString()) && s.GetProperty("free").GetInt32() == 0 ? 1 : 0),
                }).ToArray(),
                outreachHoursPerWeek = setting.GetProperty("outreachHoursPerWeek").GetDouble(),
            },
        });
        Assert.False(response.HasErrors, response.Body);
    }

    public const string PlacementFields = """
        id route commissionedBy reviewedBy status fullTime sessions weeklyHours countsAsFullTime
        homeSchoolRegistration providerRegistration attendanceCode startDate plannedEndDate overrun
        changes { effectiveFrom sessionsBefore sessionsAfter } transferredFrom setting { urn } pupil { id }
        """;

    /// <summary>A placement on any route but the panel's, as <paramref name="token"/> (the school for its routes, the LA for its own).</summary>
    public async Task<GraphQLResponse> ArrangeAsync(string token, object input) =>
        await server.PostAsync(token, "mutation($input: ArrangePlacementInput!) { arrangePlacement(input: $input) { " + PlacementFields + " } }", new { input });

    public static object Arrangement(string pupilId, string route, string apUrn, DateOnly start, string[] sessions, bool fullTime = false, object? notice = null, string? consentGivenOn = null) => new
    {
        pupilId,
        route,
        apUrn,
        startDate = Iso(start),
        plannedEndDate = Iso(start.AddDays(70)),
        fullTime,
        sessions,
        objectives = new[] { "Attend every planned session" },
        reviewEveryWeeks = 4,
        notice,
        consentGivenOn,
    };

    /// <summary>An off-site direction by the home school starting today (notice given early enough), so the AP sees the pupil at once.</summary>
    public async Task<string> DirectFromTodayAsync(string schoolToken, string schoolUrn, string pupilId, string apUrn, string[] sessions, bool copiedToLa = false)
    {
        var today = await TodayAsync();
        var calendar = await CalendarAsync(today.AddDays(-30), schoolUrn);
        var notice = today.AddDays(-14);
        while (calendar.AddSchoolDays(notice, RouteRules.DirectionNoticeSchoolDays) > today) notice = notice.AddDays(-1);
        var placed = await ArrangeAsync(schoolToken, Arrangement(pupilId, "OFF_SITE_DIRECTION", apUrn, today, sessions, notice: Notice(notice, copiedToLa ? notice : null)));
        Assert.False(placed.HasErrors, placed.Body);
        return placed.Data.GetProperty("arrangePlacement").GetProperty("id").GetString()!;
    }

    public static object Notice(DateOnly givenOn, DateOnly? copiedToLaOn = null) => new
    {
        givenOn = Iso(givenOn),
        place = "Riverside Centre, Mill Lane",
        times = "09:00 to 12:00",
        reportTo = "Ms Patel at reception",
        reviewArrangements = "Review with parents after four weeks",
        copiedToLaOn = copiedToLaOn is { } copied ? Iso(copied) : null,
    };

    /// <summary>As the LA would: sets each named session's places so exactly <paramref name="free"/> are free.</summary>
    public async Task SetFreeSessionsAsync(string urn, int free, params string[] sessions)
    {
        var setting = await SettingAsync(urn);
        var response = await server.PostAsync(await LaAsync(), "mutation($input: SetApAvailabilityInput!) { setApAvailability(input: $input) { urn } }", new
        {
            input = new
            {
                urn,
                fullTimePlaces = setting.GetProperty("fullTimePlaces").GetInt32(),
                sessions = setting.GetProperty("sessions").EnumerateArray().Select(s => new
                {
                    session = s.GetProperty("session").GetString(),
                    places = sessions.Contains(s.GetProperty("session").GetString())
                        ? s.GetProperty("places").GetInt32() - s.GetProperty("free").GetInt32() + free
                        : s.GetProperty("places").GetInt32(),
                }).ToArray(),
                outreachHoursPerWeek = setting.GetProperty("outreachHoursPerWeek").GetDouble(),
            },
        });
        Assert.False(response.HasErrors, response.Body);
    }

    public static int Free(JsonElement setting, string session) =>
        setting.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("session").GetString() == session).GetProperty("free").GetInt32();

    /// <summary>A setting of the tenant that serves <paramref name="keyStage"/> and is (or is not) a school, with the fewest placements.</summary>
    public async Task<string> SettingAsync(bool school, string keyStage)
    {
        var response = await server.PostAsync(await LaAsync(), "{ localAuthority { apSettings { urn type keyStages closed placements { id } standing { commissionable } } } }");
        Assert.False(response.HasErrors, response.Body);

        // Non-school AP takes pupils only while the LA approves it (issue 26).
        return response.Data.GetProperty("localAuthority").GetProperty("apSettings").EnumerateArray()
            .Where(s => (s.GetProperty("type").GetString() != "UNREGISTERED_PROVIDER") == school && s.GetProperty("keyStages").EnumerateArray().Any(k => k.GetString() == keyStage))
            .Where(s => school || s.GetProperty("standing").GetProperty("commissionable").GetBoolean())

            // A setting GIAS has closed (GiasImportTests) takes no new placements.
            .Where(s => !s.GetProperty("closed").GetBoolean())
            .OrderBy(s => s.GetProperty("placements").GetArrayLength())
            .Select(s => s.GetProperty("urn").GetString()!)
            .First();
    }

    private static DateOnly Date(JsonElement value) => DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
