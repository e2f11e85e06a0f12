namespace ApGrid.Domain;

/// <summary>
/// Attendance arithmetic and the sessions marks belong to. A mark is keyed by date and
/// <see cref="Session"/> (the unit of booking), so a session must fall on its date's weekday.
/// Attendance % is attended / possible sessions marked so far: a session not yet marked is not a
/// possible session in the figure (it shows up as not arrived instead).
/// </summary>
public static class AttendanceRules
{
    /// <summary>Register times are local to England, whatever the server's zone.</summary>
    public static TimeZoneInfo UkTime { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static bool IsMorning(Session session) => ((int)session & 1) == 0;

    public static DayOfWeek DayOf(Session session) => (DayOfWeek)((int)session / 2 + 1);

    public static bool FallsOn(Session session, DateOnly date) => Sessions.IsDefined(session) && DayOf(session) == date.DayOfWeek;

    /// <summary>The morning or afternoon session of <paramref name="date"/>; null at a weekend.</summary>
    public static Session? SessionOn(DateOnly date, bool morning) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? null : (Session)(((int)date.DayOfWeek - 1) * 2 + (morning ? 0 : 1));

    /// <summary>The sessions of <paramref name="date"/>'s weekday among <paramref name="booked"/>, morning first.</summary>
    public static IReadOnlyList<Session> SessionsOn(DateOnly date, IEnumerable<Session> booked) =>
        [.. booked.Where(s => FallsOn(s, date)).Distinct().Order()];

    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>Marks of the Monday-to-Sunday week holding <paramref name="asOf"/>, up to that day.</summary>
    public static AttendanceTally Weekly(IEnumerable<AttendanceMark> marks, DateOnly asOf)
    {
        var monday = WeekStart(asOf);
        return AttendanceTally.Of(marks.Where(m => m.Date >= monday && m.Date <= asOf).Select(m => m.Code));
    }

    public static AttendanceTally ToDate(IEnumerable<AttendanceMark> marks, DateOnly asOf) =>
        AttendanceTally.Of(marks.Where(m => m.Date <= asOf).Select(m => m.Code));

    public static AttendanceBand BandOf(AttendanceTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        if (tally.Possible == 0) return AttendanceBand.NoMarksYet;
        // Compared in whole sessions, not the rounded percent: 89.96% is persistent absence.
        if (tally.Attended * 10 >= tally.Possible * 9) return AttendanceBand.NinetyPercentOrMore;
        return tally.Attended * 2 >= tally.Possible ? AttendanceBand.FiftyToUnderNinety : AttendanceBand.UnderFifty;
    }

    public static DateTime UkLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, UkTime).DateTime;

    /// <summary>Whether, at <paramref name="localNow"/> (UK time), the cut-off of the session on that day has passed.</summary>
    public static bool IsPastCutoff(DateTime localNow, bool morning, TimeOnly amCutoff, TimeOnly pmCutoff) =>
        TimeOnly.FromDateTime(localNow) >= (morning ? amCutoff : pmCutoff);
}
