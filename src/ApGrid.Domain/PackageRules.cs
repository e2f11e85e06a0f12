namespace ApGrid.Domain;

/// <summary>
/// Packages: a pupil may attend the home school and one or more providers in one week, each in
/// sessions of its own; the weekly full-time-education check sums them against a mainstream week.
/// </summary>
public static class PackageRules
{
    /// <summary>The mainstream week (DOMAIN.md): 32.5 hours in 10 sessions. Configurable per deployment.</summary>
    public const double DefaultFullWeekHours = 32.5;

    /// <summary>The DfE's line for "full time" in the independent-school registration test.</summary>
    public const double DefaultRegistrationFullTimeHours = 18;

    /// <summary>
    /// Counts sessions, not provider hours: a pupil attending a provider every session is in
    /// full-time education even when its day is shorter than the mainstream one. Tuition hours
    /// fill uncovered sessions at the mainstream session length.
    /// </summary>
    public static PackageCheck Check(IEnumerable<Session> homeSchool, IEnumerable<IEnumerable<Session>> placements, double tuitionHours, double fullWeekHours)
    {
        ArgumentNullException.ThrowIfNull(homeSchool);
        ArgumentNullException.ThrowIfNull(placements);
        var covered = homeSchool.Concat(placements.SelectMany(p => p)).ToHashSet();
        var sessionHours = fullWeekHours / Sessions.Count;
        var uncovered = Sessions.All.Where(s => !covered.Contains(s)).ToList();
        var gap = Math.Max(0, Math.Round((uncovered.Count * sessionHours) - tuitionHours, 2));
        return new PackageCheck([.. Sessions.All.Where(covered.Contains)], uncovered, tuitionHours, gap);
    }

    /// <summary>
    /// A pupil is in one place per session: a new or amended booking may not take a session that
    /// another of the pupil's placements holds.
    /// </summary>
    public static DomainError? CheckNoOverlap(IEnumerable<Session> requested, IEnumerable<(string SettingName, IReadOnlyList<Session> Sessions)> others)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(others);
        var wanted = requested.ToHashSet();
        foreach (var (name, sessions) in others)
        {
            foreach (var clash in sessions.Where(wanted.Contains).Take(1))
            {
                return DomainError.Conflict(
                    "sessions",
                    $"{Sessions.Describe(clash)} ({Sessions.ContractName(clash)}) is already booked at {name}; a pupil's placements cannot share a session.");
            }
        }

        return null;
    }

    /// <summary>
    /// A timetable below the full week is a part-time timetable: exceptional, agreed, reviewed and
    /// time-limited, so it must say who agreed it and when it ends.
    /// </summary>
    public static DomainError? ValidateTimetable(double tuitionHours, string? agreedBy, DateOnly? endsOn, bool partTime, DateOnly today)
    {
        if (tuitionHours is < 0 or > 40 || double.IsNaN(tuitionHours))
        {
            return DomainError.Validation("tuitionHoursPerWeek", $"tuitionHoursPerWeek must be 0 to 40, not {tuitionHours}.");
        }

        if (!partTime) return null;
        if (string.IsNullOrWhiteSpace(agreedBy))
        {
            return DomainError.Validation("partTimeAgreedBy", "A part-time timetable must say who agreed it with the parents (partTimeAgreedBy).");
        }

        if (endsOn is not { } end)
        {
            return DomainError.Validation("partTimeEndsOn", "A part-time timetable must be time-limited: give partTimeEndsOn.");
        }

        return end <= today
            ? DomainError.Validation("partTimeEndsOn", $"partTimeEndsOn ({end:yyyy-MM-dd}) must be after today ({today:yyyy-MM-dd}).")
            : null;
    }
}
