using System.Text.Json;
using ApGrid.Domain;

namespace ApGrid.Server.Tests.Api;

/// <summary>
/// The LA's school calendar through the API. Tests that enter terms put the year back as they found
/// it: every test of the collection shares the two demo tenants' calendars.
/// </summary>
[Collection(RunningServerCollection.Name)]
public sealed class SchoolCalendarApiTests(RunningServerFixture server)
{
    private const string YearFields = "academicYear isDefault terms { name startDate endDate } insetDays schoolInsetDays bankHolidays schoolDays";

    [Fact]
    public async Task The_la_sets_terms_and_reads_them_back()
    {
        var world = new PlacementWorld(server, "901");
        var year = SchoolYear.AcademicYearStart(await world.TodayAsync()).Year + 30;
        var defaults = DefaultTermDates.For(year);
        HalfTerm[] terms = [defaults.Terms[0] with { Start = defaults.Terms[0].Start.AddDays(1) }, .. defaults.Terms.Skip(1)];
        DateOnly[] inset = [defaults.Terms[2].Start];
        var before = await YearAsync(await world.LaAsync(), year);
        try
        {
            var set = await SetTermsAsync(await world.LaAsync(), year, terms, inset);
            Assert.False(set.HasErrors, set.Body);

            var read = await YearAsync(await server.TokenAsync("901", "SCHOOL_STAFF", (await world.SchoolUrnsAsync())[0]), year);
            Assert.False(read.GetProperty("isDefault").GetBoolean());
            Assert.Equal(["AUTUMN_1", "AUTUMN_2", "SPRING_1", "SPRING_2", "SUMMER_1", "SUMMER_2"], read.GetProperty("terms").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
            Assert.Equal(terms.Select(t => ((string?)PlacementWorld.Iso(t.Start), (string?)PlacementWorld.Iso(t.End))),
                read.GetProperty("terms").EnumerateArray().Select(t => (t.GetProperty("startDate").GetString(), t.GetProperty("endDate").GetString())));
            Assert.Equal([PlacementWorld.Iso(inset[0])], read.GetProperty("insetDays").EnumerateArray().Select(d => d.GetString()));
            Assert.Contains(PlacementWorld.Iso(BankHolidays.For(year + 1)[0]), read.GetProperty("bankHolidays").EnumerateArray().Select(d => d.GetString()));
            var expected = new SchoolCalendar([new TermDates(year, terms, inset, IsDefault: false)]).SchoolDaysIn(year);
            Assert.Equal(expected, read.GetProperty("schoolDays").GetInt32());

            // The other tenant's calendar is its own.
            Assert.True((await YearAsync(await server.TokenAsync("902", "LA_OFFICER"), year)).GetProperty("isDefault").GetBoolean());
        }
        finally
        {
            await RestoreAsync(world, year, before);
        }

        Assert.True((await YearAsync(await world.LaAsync(), year)).GetProperty("isDefault").GetBoolean());
    }

    [Fact]
    public async Task A_year_nobody_entered_is_the_generated_default_flagged_as_such()
    {
        var world = new PlacementWorld(server, "902");
        var year = SchoolYear.AcademicYearStart(await world.TodayAsync()).Year + 40;

        var read = await YearAsync(await server.TokenAsync("902", "AP_STAFF", (await server.ApSettingUrnsAsync("902"))[0]), year);

        Assert.True(read.GetProperty("isDefault").GetBoolean());
        Assert.Equal(DefaultTermDates.For(year).Terms.Select(t => PlacementWorld.Iso(t.Start)), read.GetProperty("terms").EnumerateArray().Select(t => t.GetProperty("startDate").GetString()));
        Assert.InRange(read.GetProperty("schoolDays").GetInt32(), 185, 195);
    }

    [Fact]
    public async Task Only_the_la_sets_terms_and_only_a_schools_own_staff_or_the_la_its_inset_days()
    {
        var world = new PlacementWorld(server, "901");
        var year = SchoolYear.AcademicYearStart(await world.TodayAsync()).Year + 31;
        var defaults = DefaultTermDates.For(year);
        var urns = await world.SchoolUrnsAsync();
        var (own, other) = (urns[1], urns[2]);
        var school = await server.TokenAsync("901", "SCHOOL_STAFF", own);
        var ap = await server.TokenAsync("901", "AP_STAFF", (await server.ApSettingUrnsAsync("901"))[0]);

        foreach (var caller in new[] { school, ap })
        {
            var refused = await SetTermsAsync(caller, year, defaults.Terms, []);
            Assert.Equal("FORBIDDEN", refused.FirstErrorCode);
        }

        Assert.True((await YearAsync(await world.LaAsync(), year)).GetProperty("isDefault").GetBoolean());
        var day = defaults.Terms[1].Start.AddDays(1);
        Assert.Equal("FORBIDDEN", (await SetInsetDaysAsync(school, other, year, [day])).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await SetInsetDaysAsync(ap, own, year, [day])).FirstErrorCode);
        var inHoliday = await SetInsetDaysAsync(school, own, year, [defaults.Terms[1].Start.AddDays(-3)]);
        Assert.Equal(("VALIDATION", "dates"), (inHoliday.FirstErrorCode, inHoliday.FirstErrorField));

        var set = await SetInsetDaysAsync(school, own, year, [day]);
        Assert.False(set.HasErrors, set.Body);
        var read = await YearAsync(school, year, own);
        Assert.Equal([PlacementWorld.Iso(day)], read.GetProperty("schoolInsetDays").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal((await YearAsync(school, year)).GetProperty("schoolDays").GetInt32() - 1, read.GetProperty("schoolDays").GetInt32());
        Assert.Empty((await YearAsync(school, year, other)).GetProperty("schoolInsetDays").EnumerateArray());
        Assert.False((await SetInsetDaysAsync(await world.LaAsync(), own, year, [])).HasErrors);
    }

    [Theory]
    [InlineData("overlap", "terms")]
    [InlineData("five", "terms")]
    [InlineData("outside", "terms")]
    [InlineData("insetSaturday", "insetDays")]
    public async Task Invalid_terms_are_refused_naming_the_field_and_change_nothing(string fault, string field)
    {
        var world = new PlacementWorld(server, "902");
        var year = SchoolYear.AcademicYearStart(await world.TodayAsync()).Year + 32;
        var terms = DefaultTermDates.For(year).Terms.ToList();
        List<DateOnly> inset = [];
        switch (fault)
        {
            case "overlap": terms[3] = terms[3] with { Start = terms[2].End }; break;
            case "five": terms.RemoveAt(5); break;
            case "outside": terms[5] = terms[5] with { End = new DateOnly(year + 1, 9, 2) }; break;
            default: inset.Add(Enumerable.Range(0, 7).Select(i => terms[0].Start.AddDays(i)).First(d => d.DayOfWeek == DayOfWeek.Saturday)); break;
        }

        var la = await world.LaAsync();
        var before = (await YearAsync(la, year)).GetRawText();

        var response = await SetTermsAsync(la, year, terms, inset);

        Assert.Equal(("VALIDATION", field), (response.FirstErrorCode, response.FirstErrorField));
        Assert.Equal(before, (await YearAsync(la, year)).GetRawText());
    }

    [Fact]
    public async Task Notice_on_the_last_day_of_term_allows_a_start_on_the_second_school_day_of_the_next_term()
    {
        var world = new PlacementWorld(server, "901");
        var today = await world.TodayAsync();
        // Room for a week's holiday and five more half-terms before 31 August.
        var yearEnd = SchoolYear.AcademicYearStart(today).AddYears(1).AddDays(-1);
        if (yearEnd.DayNumber - today.DayNumber < 80) today = await world.AdvanceDaysAsync(yearEnd.DayNumber - today.DayNumber + 2);
        var year = SchoolYear.AcademicYearStart(today).Year;
        var (terms, nextTermStart) = TermsEndingOn(today);
        var la = await world.LaAsync();
        var before = await YearAsync(la, year);
        try
        {
            var set = await SetTermsAsync(la, year, terms, []);
            Assert.False(set.HasErrors, set.Body);
            var schoolUrn = (await world.SchoolUrnsAsync())[^4];
            var referral = await world.ReferAsync(await world.RegisterPupilAsync(schoolUrn, yearGroup: 8), schoolUrn);
            var calendar = await world.CalendarAsync(today, schoolUrn);
            var firstDay = calendar.NextSchoolDayOnOrAfter(nextTermStart);
            var secondDay = calendar.AddSchoolDays(firstDay, 1);
            Assert.Equal(firstDay, calendar.AddSchoolDays(today, 1));
            var urn = await FullTimeKs3SettingAsync(world);

            var tooSoon = await world.StartAsync(referral, urn, firstDay, fullTime: true, []);
            Assert.Equal(("VALIDATION", "startDate"), (tooSoon.FirstErrorCode, tooSoon.FirstErrorField));
            Assert.Contains(PlacementWorld.Iso(secondDay), tooSoon.Json.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);

            var started = await world.StartAsync(referral, urn, secondDay, fullTime: true, []);
            Assert.False(started.HasErrors, started.Body);
            Assert.Equal("ACTIVE", started.Data.GetProperty("startPlacement").GetProperty("status").GetString());
        }
        finally
        {
            await RestoreAsync(world, year, before);
        }
    }

    /// <summary>
    /// Six half-terms of the academic year of <paramref name="lastDay"/>: one ends on it, the next
    /// starts on the Monday at least a week later, the rest fill the year around them.
    /// </summary>
    private static (List<HalfTerm> Terms, DateOnly NextTermStart) TermsEndingOn(DateOnly lastDay)
    {
        var yearStart = SchoolYear.AcademicYearStart(lastDay);
        var before = Math.Min(4, lastDay.DayNumber - yearStart.DayNumber);
        var terms = Enumerable.Range(0, before).Select(i => new HalfTerm(yearStart.AddDays(i), yearStart.AddDays(i))).ToList();
        terms.Add(new HalfTerm(yearStart.AddDays(before), lastDay));
        var next = lastDay.AddDays(7);
        while (next.DayOfWeek != DayOfWeek.Monday) next = next.AddDays(1);
        terms.Add(new HalfTerm(next, next.AddDays(27)));
        for (var start = next.AddDays(29); terms.Count < 6; start = start.AddDays(7)) terms.Add(new HalfTerm(start, start.AddDays(4)));
        return (terms, next);
    }

    private async Task<string> FullTimeKs3SettingAsync(PlacementWorld world)
    {
        foreach (var urn in await server.ApSettingUrnsAsync(world.Tenant))
        {
            var setting = await world.SettingAsync(urn);
            if (setting.GetProperty("keyStages").EnumerateArray().Any(k => k.GetString() == "KS3") && setting.GetProperty("fullTimePlacesFree").GetInt32() > 0) return urn;
        }

        throw new InvalidOperationException("no demo setting fits");
    }

    private async Task<JsonElement> YearAsync(string token, int year, string? schoolUrn = null)
    {
        var response = await server.PostAsync(token, $"query($year: Int!, $urn: String) {{ schoolCalendar(academicYear: $year, schoolUrn: $urn) {{ {YearFields} }} }}", new { year, urn = schoolUrn });
        Assert.False(response.HasErrors, response.Body);
        return response.Data.GetProperty("schoolCalendar");
    }

    private Task<GraphQLResponse> SetTermsAsync(string token, int year, IEnumerable<HalfTerm> terms, IEnumerable<DateOnly> insetDays) =>
        server.PostAsync(token, $"mutation($input: SetSchoolTermsInput!) {{ setSchoolTerms(input: $input) {{ {YearFields} }} }}", new
        {
            input = new
            {
                academicYear = year,
                terms = terms.Select(t => new { startDate = PlacementWorld.Iso(t.Start), endDate = PlacementWorld.Iso(t.End) }).ToArray(),
                insetDays = insetDays.Select(PlacementWorld.Iso).ToArray(),
            },
        });

    private Task<GraphQLResponse> SetInsetDaysAsync(string token, string schoolUrn, int year, IEnumerable<DateOnly> dates) =>
        server.PostAsync(token, $"mutation($input: SetSchoolInsetDaysInput!) {{ setSchoolInsetDays(input: $input) {{ {YearFields} }} }}", new
        {
            input = new { schoolUrn, academicYear = year, dates = dates.Select(PlacementWorld.Iso).ToArray() },
        });

    private async Task RestoreAsync(PlacementWorld world, int year, JsonElement before)
    {
        var restore = before.GetProperty("isDefault").GetBoolean()
            ? await SetTermsAsync(await world.LaAsync(), year, [], [])
            : await SetTermsAsync(
                await world.LaAsync(),
                year,
                before.GetProperty("terms").EnumerateArray().Select(t => new HalfTerm(Parse(t.GetProperty("startDate")), Parse(t.GetProperty("endDate")))),
                before.GetProperty("insetDays").EnumerateArray().Select(Parse));
        Assert.False(restore.HasErrors, restore.Body);
    }

    private static DateOnly Parse(JsonElement value) => DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
