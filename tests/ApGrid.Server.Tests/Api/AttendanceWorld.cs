using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ApGrid.Domain;

namespace ApGrid.Server.Tests.Api;

/// <summary>Pupils placed at a KS3 setting for every session, and the clock walked to school days, for the attendance tests.</summary>
internal sealed class AttendanceWorld(RunningServerFixture server, string tenant)
{
    public static readonly string[] AllSessions = ["MON_AM", "MON_PM", "TUE_AM", "TUE_PM", "WED_AM", "WED_PM", "THU_AM", "THU_PM", "FRI_AM", "FRI_PM"];

    public PlacementWorld Placements { get; } = new(server, tenant);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>As GraphQL spells the morning or afternoon session of a weekday: TUE_AM.</summary>
    public static string SessionOf(DateOnly date, bool morning) =>
        date.DayOfWeek.ToString()[..3].ToUpperInvariant() + (morning ? "_AM" : "_PM");

    public async Task<string> Ks3SettingAsync()
    {
        var response = await server.PostAsync(await Placements.LaAsync(), "{ apCapacity(filter: { keyStage: KS3, registeredOnly: true }) { setting { urn } } }");
        Assert.False(response.HasErrors, response.Body);
        var urn = response.Data.GetProperty("apCapacity")[0].GetProperty("setting").GetProperty("urn").GetString()!;
        await Placements.EnsureFreeSessionsAsync(urn, AllSessions);
        return urn;
    }

    /// <summary>Registers and refers pupils of one school, moves the clock past notice to a school day and places them all.</summary>
    public async Task<(DateOnly Day, IReadOnlyList<(string PupilId, string PlacementId)> Pupils)> PlaceAsync(string schoolUrn, string urn, int count)
    {
        var referrals = new List<(string PupilId, string ReferralId)>();
        for (var i = 0; i < count; i++)
        {
            var pupilId = await Placements.RegisterPupilAsync(schoolUrn, yearGroup: 9);
            referrals.Add((pupilId, await Placements.ReferAsync(pupilId, schoolUrn)));
            await Placements.EnsureFreeSessionsAsync(urn, AllSessions);
        }

        await Placements.AdvancePastNoticeAsync(schoolUrn);
        var day = await NextSchoolDayAsync(inclusive: true);
        var placed = new List<(string, string)>();
        foreach (var (pupilId, referralId) in referrals)
        {
            var started = await Placements.StartAsync(referralId, urn, day, fullTime: false, AllSessions);
            Assert.False(started.HasErrors, started.Body);
            placed.Add((pupilId, started.Data.GetProperty("startPlacement").GetProperty("id").GetString()!));
        }

        return (day, placed);
    }

    /// <summary>Moves the clock to the next school day of the LA's calendar (today if it is one and <paramref name="inclusive"/>).</summary>
    public async Task<DateOnly> NextSchoolDayAsync(bool inclusive = false)
    {
        var today = await Placements.TodayAsync();
        var from = inclusive ? today : today.AddDays(1);
        var day = (await Placements.CalendarAsync(from)).NextSchoolDayOnOrAfter(from);
        return day == today ? today : await Placements.AdvanceDaysAsync(day.DayNumber - today.DayNumber);
    }

    /// <summary>Moves the clock on to 10:05 in England if it is earlier in the day there, so the morning's cut-off has passed.</summary>
    public async Task PastMorningCutOffAsync()
    {
        var clock = await server.Http.GetFromJsonAsync<JsonElement>("/dev/clock");
        var local = AttendanceRules.UkLocal(clock.GetProperty("now").GetDateTimeOffset());
        var minutes = (int)Math.Ceiling((new TimeOnly(10, 5) - TimeOnly.FromDateTime(local)).TotalMinutes);
        if (TimeOnly.FromDateTime(local) >= new TimeOnly(10, 5)) return;
        using var response = await server.Http.PostAsJsonAsync("/dev/clock", new { advanceDays = 0, advanceMinutes = minutes });
        response.EnsureSuccessStatusCode();
    }

    public static string Marks(params (string PupilId, string Session, string Code)[] marks) =>
        JsonSerializer.Serialize(new { marks = marks.Select(m => new { pupilId = m.PupilId, session = m.Session, code = m.Code }) });
}
