using System.Text.Json;
using ApGrid.Domain;

namespace ApGrid.Server.Tests.Api;

/// <summary>
/// Every route into AP through the API: who may start it, notice in school days, consent only
/// where the LA's policy asks, registration and attendance code as DOMAIN.md's table, and the LA
/// seeing it whoever arranged it.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class PlacementRouteTests(RunningServerFixture server)
{
    [Fact]
    public async Task An_off_site_direction_is_the_schools_with_two_school_days_notice_counted_across_a_holiday()
    {
        var world = new PlacementWorld(server, "901");
        var schoolUrn = (await world.SchoolUrnsAsync())[^1];
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn);
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 8);
        var apUrn = await world.SettingAsync(school: false, "KS3");
        await world.EnsureFreeSessionsAsync(apUrn, "MON_AM", "TUE_AM");
        var today = await world.TodayAsync();

        // Notice on the last school day before the next half-term: two school days later is after the
        // holiday, where counting weekdays would land inside it. The clock moves on to that day, since
        // a school may backdate a start only a few days.
        var calendar = await world.CalendarAsync(today, schoolUrn);
        var notice = LastSchoolDayBeforeAHoliday(calendar, today);
        var earliest = calendar.AddSchoolDays(notice, RouteRules.DirectionNoticeSchoolDays);
        Assert.True(earliest.DayNumber - notice.DayNumber > 4, $"{notice} + 2 school days = {earliest} should cross the holiday");
        await world.AdvanceDaysAsync(earliest.DayNumber - today.DayNumber);
        var weekdayCount = NextWeekday(NextWeekday(notice));
        Assert.True(weekdayCount < earliest);

        var byLa = await world.ArrangeAsync(await world.LaAsync(), PlacementWorld.Arrangement(pupil, "OFF_SITE_DIRECTION", apUrn, earliest, ["MON_AM"], notice: PlacementWorld.Notice(notice)));
        Assert.Equal(("FORBIDDEN", "route"), (byLa.FirstErrorCode, byLa.FirstErrorField));
        var noNotice = await world.ArrangeAsync(school, PlacementWorld.Arrangement(pupil, "OFF_SITE_DIRECTION", apUrn, earliest, ["MON_AM"]));
        Assert.Equal(("VALIDATION", "notice"), (noNotice.FirstErrorCode, noNotice.FirstErrorField));
        var tooSoon = await world.ArrangeAsync(school, PlacementWorld.Arrangement(pupil, "OFF_SITE_DIRECTION", apUrn, weekdayCount, ["MON_AM"], notice: PlacementWorld.Notice(notice)));
        Assert.Equal(("VALIDATION", "startDate"), (tooSoon.FirstErrorCode, tooSoon.FirstErrorField));
        Assert.Contains(PlacementWorld.Iso(earliest), tooSoon.FirstErrorMessage);
        Assert.Empty(await PlacementsAsync(world, pupil));

        var placed = await world.ArrangeAsync(school, PlacementWorld.Arrangement(pupil, "OFF_SITE_DIRECTION", apUrn, earliest, ["MON_AM", "TUE_AM"], notice: PlacementWorld.Notice(notice)));

        Assert.False(placed.HasErrors, placed.Body);
        var placement = placed.Data.GetProperty("arrangePlacement");
        Assert.Equal(("SCHOOL", "SCHOOL"), (placement.GetProperty("commissionedBy").GetString(), placement.GetProperty("reviewedBy").GetString()));
        // Non-school provider: the pupil stays on the home school's roll alone, which records B.
        Assert.Equal("SINGLE", placement.GetProperty("homeSchoolRegistration").GetString());
        Assert.Equal(JsonValueKind.Null, placement.GetProperty("providerRegistration").ValueKind);
        Assert.Equal("B", placement.GetProperty("attendanceCode").GetString());
        Assert.Equal(6, placement.GetProperty("weeklyHours").GetDouble());

        // The LA sees the school's placement, through the pupil and through the setting.
        var seen = await server.PostAsync(await world.LaAsync(), "query($urn: String!) { apSetting(urn: $urn) { placements(status: ACTIVE) { id route } } }", new { urn = apUrn });
        Assert.Contains(seen.Data.GetProperty("apSetting").GetProperty("placements").EnumerateArray(),
            p => p.GetProperty("id").GetString() == placement.GetProperty("id").GetString() && p.GetProperty("route").GetString() == "OFF_SITE_DIRECTION");
    }

    [Fact]
    public async Task A_direction_for_a_pupil_with_an_EHC_plan_needs_the_copy_to_the_LA_recorded()
    {
        var world = new PlacementWorld(server, "901");
        var schoolUrn = (await world.SchoolUrnsAsync())[^1];
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", schoolUrn);
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 8, sen: "EHC_PLAN");
        var apUrn = await world.SettingAsync(school: true, "KS3");
        await world.EnsureFreeSessionsAsync(apUrn, "WED_AM");
        var today = await world.TodayAsync();
        var start = await world.StartAfterNoticeAsync(schoolUrn, today, 0);

        var uncopied = await world.ArrangeAsync(school, PlacementWorld.Arrangement(pupil, "OFF_SITE_DIRECTION", apUrn, start, ["WED_AM"], notice: PlacementWorld.Notice(today)));
        Assert.Equal(("VALIDATION", "notice.copiedToLaOn"), (uncopied.FirstErrorCode, uncopied.FirstErrorField));

        var copied = await world.ArrangeAsync(school, PlacementWorld.Arrangement(pupil, "OFF_SITE_DIRECTION", apUrn, start, ["WED_AM"], notice: PlacementWorld.Notice(today, today)));
        Assert.False(copied.HasErrors, copied.Body);
        var placement = copied.Data.GetProperty("arrangePlacement");
        // A school provider: dual registration, the home school records D.
        Assert.Equal(("MAIN", "SUBSIDIARY", "D"), (placement.GetProperty("homeSchoolRegistration").GetString(), placement.GetProperty("providerRegistration").GetString(), placement.GetProperty("attendanceCode").GetString()));
    }

    [Theory]
    [InlineData("S19_PERMANENT_EXCLUSION", true, null, "SINGLE", null)]
    [InlineData("S19_PERMANENT_EXCLUSION", false, null, null, "K")]
    [InlineData("S19_HEALTH_OR_OTHER", true, "MAIN", "SUBSIDIARY", "D")]
    [InlineData("S19_HEALTH_OR_OTHER", false, "SINGLE", null, "K")]
    [InlineData("EHC_PLAN_S61", false, "SINGLE", null, "K")]
    public async Task The_LAs_routes_need_no_panel_or_notice_and_register_as_the_table_says(string route, bool schoolProvider, string? home, string? provider, string? code)
    {
        var world = new PlacementWorld(server, "902");
        var schoolUrn = (await world.SchoolUrnsAsync())[0];
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 9, sen: route == "EHC_PLAN_S61" ? "EHC_PLAN" : "SEN_SUPPORT");
        var apUrn = await world.SettingAsync(schoolProvider, "KS3");
        await world.EnsureFreeSessionsAsync(apUrn, "THU_AM", "THU_PM");
        var today = await world.TodayAsync();

        var bySchool = await world.ArrangeAsync(await server.TokenAsync("902", "SCHOOL_STAFF", schoolUrn), PlacementWorld.Arrangement(pupil, route, apUrn, today, ["THU_AM"]));
        Assert.Equal(("FORBIDDEN", "route"), (bySchool.FirstErrorCode, bySchool.FirstErrorField));

        var placed = await world.ArrangeAsync(await world.LaAsync(), PlacementWorld.Arrangement(pupil, route, apUrn, today, ["THU_AM", "THU_PM"]));

        Assert.False(placed.HasErrors, placed.Body);
        var placement = placed.Data.GetProperty("arrangePlacement");
        Assert.Equal(("LA", "LA"), (placement.GetProperty("commissionedBy").GetString(), placement.GetProperty("reviewedBy").GetString()));
        Assert.Equal(home, Nullable(placement.GetProperty("homeSchoolRegistration")));
        Assert.Equal(provider, Nullable(placement.GetProperty("providerRegistration")));
        Assert.Equal(code, Nullable(placement.GetProperty("attendanceCode")));
    }

    [Fact]
    public async Task Consent_is_asked_only_on_the_routes_the_LA_policy_names()
    {
        var world = new PlacementWorld(server, "902");
        var la = await world.LaAsync();
        var schoolUrn = (await world.SchoolUrnsAsync())[0];
        var apUrn = await world.SettingAsync(school: true, "KS3");
        await world.EnsureFreeSessionsAsync(apUrn, "FRI_AM");
        var today = await world.TodayAsync();
        var first = await world.RegisterPupilAsync(schoolUrn, yearGroup: 8);
        var second = await world.RegisterPupilAsync(schoolUrn, yearGroup: 8);

        var byDefault = await world.ArrangeAsync(la, PlacementWorld.Arrangement(first, "S19_HEALTH_OR_OTHER", apUrn, today, ["FRI_AM"]));
        Assert.False(byDefault.HasErrors, byDefault.Body);

        var school = await server.TokenAsync("902", "SCHOOL_STAFF", schoolUrn);
        Assert.Equal("FORBIDDEN", (await SetPolicyAsync(school, "S19_HEALTH_OR_OTHER")).FirstErrorCode);
        var policy = await SetPolicyAsync(la, "LA_PANEL", "S19_HEALTH_OR_OTHER");
        Assert.Equal(["LA_PANEL", "S19_HEALTH_OR_OTHER"], policy.Data.GetProperty("setConsentPolicy").GetProperty("consentRoutes").EnumerateArray().Select(r => r.GetString()));
        try
        {
            var unconsented = await world.ArrangeAsync(la, PlacementWorld.Arrangement(second, "S19_HEALTH_OR_OTHER", apUrn, today, ["FRI_AM"]));
            Assert.Equal(("CONSENT_REQUIRED", "consentGivenOn"), (unconsented.FirstErrorCode, unconsented.FirstErrorField));
            Assert.Empty(await PlacementsAsync(world, second));

            var consented = await world.ArrangeAsync(la, PlacementWorld.Arrangement(second, "S19_HEALTH_OR_OTHER", apUrn, today, ["FRI_AM"], consentGivenOn: PlacementWorld.Iso(today)));
            Assert.False(consented.HasErrors, consented.Body);
        }
        finally
        {
            Assert.False((await SetPolicyAsync(la, "LA_PANEL")).HasErrors);
        }
    }

    [Fact]
    public async Task Eight_sessions_at_a_non_school_provider_are_full_time_and_refused_for_a_pupil_with_an_EHC_plan()
    {
        var world = new PlacementWorld(server, "901");
        var schoolUrn = (await world.SchoolUrnsAsync())[0];
        var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 8, sen: "EHC_PLAN");
        var apUrn = await world.SettingAsync(school: false, "KS3");
        string[] eight = ["MON_AM", "MON_PM", "TUE_AM", "TUE_PM", "WED_AM", "WED_PM", "THU_AM", "THU_PM"];
        await world.EnsureFreeSessionsAsync(apUrn, eight);
        var today = await world.TodayAsync();

        var refused = await world.ArrangeAsync(await world.LaAsync(), PlacementWorld.Arrangement(pupil, "S19_HEALTH_OR_OTHER", apUrn, today, eight));

        Assert.Equal(("VALIDATION", "apUrn"), (refused.FirstErrorCode, refused.FirstErrorField));
        Assert.Contains("EHC plan", refused.FirstErrorMessage);
        Assert.Empty(await PlacementsAsync(world, pupil));

        // Five sessions (under 18 hours at the default times) are part time and allowed.
        var partTime = await world.ArrangeAsync(await world.LaAsync(), PlacementWorld.Arrangement(pupil, "S19_HEALTH_OR_OTHER", apUrn, today, eight[..5]));
        Assert.False(partTime.HasErrors, partTime.Body);
        Assert.False(partTime.Data.GetProperty("arrangePlacement").GetProperty("countsAsFullTime").GetBoolean());
    }

    [Fact]
    public async Task The_fifth_full_time_pupil_at_a_non_school_provider_is_refused_whichever_routes_placed_the_first_four()
    {
        var world = new PlacementWorld(server, "902");
        var la = await world.LaAsync();
        var schoolUrn = (await world.SchoolUrnsAsync())[^1];
        var school = await server.TokenAsync("902", "SCHOOL_STAFF", schoolUrn);
        var apUrn = await world.SettingAsync(school: false, "KS3");
        string[] seven = ["MON_AM", "MON_PM", "TUE_AM", "TUE_PM", "WED_AM", "WED_PM", "THU_AM"];
        await world.EnsureFreeSessionsAsync(apUrn, seven);
        var today = await world.TodayAsync();
        var start = await world.StartAfterNoticeAsync(schoolUrn, today, 0);
        var already = (await server.PostAsync(la, "query($urn: String!) { apSetting(urn: $urn) { placements(status: ACTIVE) { countsAsFullTime } } }", new { urn = apUrn }))
            .Data.GetProperty("apSetting").GetProperty("placements").EnumerateArray().Count(p => p.GetProperty("countsAsFullTime").GetBoolean());
        Assert.True(already < RegistrationRule.MaxFullTimePupilsUnregistered, $"{apUrn} already has {already} full-time pupils");

        // 19.5 hours a week each: full time for the registration test, whichever route.
        string[] routes = ["OFF_SITE_DIRECTION", "S19_HEALTH_OR_OTHER", "SUSPENSION_PROVISION", "S19_PERMANENT_EXCLUSION", "OFF_SITE_DIRECTION", "S19_HEALTH_OR_OTHER"];
        var placed = 0;
        for (var i = 0; already + placed < RegistrationRule.MaxFullTimePupilsUnregistered; i++)
        {
            await world.EnsureFreeSessionsAsync(apUrn, seven);
            var pupil = await world.RegisterPupilAsync(schoolUrn, yearGroup: 8);
            var route = routes[i];
            var token = RouteRules.CommissionedBy(Enum.Parse<PlacementRoute>(route.Replace("_", "", StringComparison.Ordinal), ignoreCase: true)) == Commissioner.School ? school : la;
            var response = await world.ArrangeAsync(token, PlacementWorld.Arrangement(pupil, route, apUrn, start, seven, notice: PlacementWorld.Notice(today)));
            Assert.False(response.HasErrors, response.Body);
            Assert.True(response.Data.GetProperty("arrangePlacement").GetProperty("countsAsFullTime").GetBoolean());
            placed++;
        }

        await world.EnsureFreeSessionsAsync(apUrn, seven);
        var fifth = await world.RegisterPupilAsync(schoolUrn, yearGroup: 8);
        var refused = await world.ArrangeAsync(school, PlacementWorld.Arrangement(fifth, "OFF_SITE_DIRECTION", apUrn, start, seven, notice: PlacementWorld.Notice(today)));

        Assert.Equal(("VALIDATION", "fullTime"), (refused.FirstErrorCode, refused.FirstErrorField));
        Assert.Empty(await PlacementsAsync(world, fifth));
    }

    private async Task<GraphQLResponse> SetPolicyAsync(string token, params string[] routes) =>
        await server.PostAsync(token, "mutation($routes: [PlacementRoute!]!) { setConsentPolicy(routes: $routes) { consentRoutes } }", new { routes });

    private async Task<List<JsonElement>> PlacementsAsync(PlacementWorld world, string pupilId)
    {
        var response = await server.PostAsync(await world.LaAsync(), "query($id: ID!) { pupil(id: $id) { placements { id } } }", new { id = pupilId });
        Assert.False(response.HasErrors, response.Body);
        return [.. response.Data.GetProperty("pupil").GetProperty("placements").EnumerateArray()];
    }

    private static string? Nullable(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetString();

    private static DateOnly NextWeekday(DateOnly date)
    {
        do date = date.AddDays(1);
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        return date;
    }

    /// <summary>The last school day before a gap of at least three weekdays without school, before <paramref name="today"/>.</summary>
    private static DateOnly LastSchoolDayBeforeAHoliday(SchoolCalendar calendar, DateOnly today)
    {
        // A short holiday (a half-term's week), so the start stays within days of the notice.
        for (var day = today.AddDays(1); day < today.AddYears(1); day = day.AddDays(1))
        {
            if (!calendar.IsSchoolDay(day)) continue;
            var next = calendar.AddSchoolDays(day, 1);
            var weekdaysBetween = Enumerable.Range(1, next.DayNumber - day.DayNumber - 1).Count(n => day.AddDays(n).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
            if (weekdaysBetween is >= 3 and <= 5) return day;
        }

        throw new InvalidOperationException("no half-term in the coming year");
    }
}
