using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ApGrid.Domain;

namespace ApGrid.Board.Tests;

/// <summary>Steps through the public API that put something on the board, as the school and the LA would take them.</summary>
internal static class BoardJourneys
{
    public static async Task<DateOnly> TodayAsync(BoardFixture board)
    {
        var clock = await board.Http.GetFromJsonAsync<JsonElement>("/dev/clock");
        return DateOnly.FromDateTime(clock.GetProperty("now").GetDateTimeOffset().UtcDateTime);
    }

    public static async Task<string> LastSchoolAsync(BoardFixture board, string tenant)
    {
        var la = await board.TokenAsync(tenant, "LA_OFFICER");
        var lists = await board.GraphQLAsync(la, "{ localAuthority { schools { urn } } }");
        return lists.GetProperty("localAuthority").GetProperty("schools").EnumerateArray().Last().GetProperty("urn").GetString()!;
    }

    /// <summary>Registers a pupil (Year 9 unless said) at the school, as its staff would; returns the pupil's id.</summary>
    public static async Task<string> RegisterPupilAsync(BoardFixture board, string tenant, string schoolUrn, string initials, int yearGroup = 9, string sen = "SEN_SUPPORT")
    {
        var school = await board.TokenAsync(tenant, "SCHOOL_STAFF", schoolUrn);
        var today = await TodayAsync(board);
        var last12 = tenant + "9" + Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture) + "25" + Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture);
        var pupil = await board.GraphQLAsync(school, "mutation($input: RegisterPupilInput!) { registerPupil(input: $input) { id } }", new
        {
            input = new
            {
                upn = Upn.CheckLetterFor(last12) + last12,
                initials,
                dateOfBirth = Iso(SchoolYear.AcademicYearStart(today).AddYears(-(yearGroup + 5)).AddDays(100)),
                yearGroup,
                homeSchoolUrn = schoolUrn,
                senProvision = sen,
                primaryNeed = "SEMH",
                lookedAfter = false,
            },
        });
        return pupil.GetProperty("registerPupil").GetProperty("id").GetString()!;
    }

    /// <summary>
    /// Days from notice given on <paramref name="today"/> to the first allowed start: two school days
    /// of the home school's calendar as the API gives it, and never less than a week.
    /// </summary>
    public static async Task<int> DaysPastNoticeAsync(BoardFixture board, string tenant, string schoolUrn, DateOnly today)
    {
        var earliest = ConsentRules.EarliestStart(await CalendarAsync(board, tenant, schoolUrn, today), today);
        return Math.Max(7, earliest.DayNumber - today.DayNumber);
    }

    /// <summary>The calendar of the academic year holding <paramref name="date"/> and the next, as the API gives it (the LA's when no school).</summary>
    public static async Task<SchoolCalendar> CalendarAsync(BoardFixture board, string tenant, string? schoolUrn, DateOnly date)
    {
        var la = await board.TokenAsync(tenant, "LA_OFFICER");
        var first = SchoolYear.AcademicYearStart(date).Year;
        var years = new List<TermDates>();
        var extra = new List<DateOnly>();
        foreach (var year in new[] { first, first + 1 })
        {
            var data = await board.GraphQLAsync(la, "query($year: Int!, $urn: String) { schoolCalendar(academicYear: $year, schoolUrn: $urn) { isDefault terms { startDate endDate } insetDays schoolInsetDays } }", new { year, urn = schoolUrn });
            var calendar = data.GetProperty("schoolCalendar");
            years.Add(new TermDates(
                year,
                [.. calendar.GetProperty("terms").EnumerateArray().Select(t => new HalfTerm(Parse(t.GetProperty("startDate")), Parse(t.GetProperty("endDate"))))],
                [.. calendar.GetProperty("insetDays").EnumerateArray().Select(Parse)],
                calendar.GetProperty("isDefault").GetBoolean()));
            extra.AddRange(calendar.GetProperty("schoolInsetDays").EnumerateArray().Select(Parse));
        }

        return new SchoolCalendar(years, extra);
    }

    private static DateOnly Parse(JsonElement value) => DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
