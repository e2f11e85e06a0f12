namespace ApGrid.Domain;

/// <summary>
/// Non-school AP is a time-limited intervention with the pupil still going to their home school
/// part of the week (DfE, August 2025): a maximum length unless extended at a review, and never
/// every session of the week away from the home school unless the placement's route says otherwise.
/// </summary>
public static class NonSchoolPlacementRules
{
    /// <summary>The rule's names as refusals and flags give them.</summary>
    public const string TimeLimitRule = "NON_SCHOOL_TIME_LIMIT";

    public const string HomeSchoolTimeRule = "HOME_SCHOOL_SESSIONS";

    /// <summary>Week 1 is the start day and the six days after it.</summary>
    public static int WeekOf(DateOnly start, DateOnly day)
    {
        if (day < start) throw new ArgumentOutOfRangeException(nameof(day), day, "The day is before the placement started.");
        return ((day.DayNumber - start.DayNumber) / 7) + 1;
    }

    /// <summary>
    /// True once the placement is in a week past <paramref name="maxWeeks"/>, unless a review
    /// extended it to a day not yet passed.
    /// </summary>
    public static bool OverTimeLimit(DateOnly start, DateOnly today, int maxWeeks, DateOnly? extendedUntil)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWeeks, 1);
        if (today < start) return false;
        return WeekOf(start, today) > maxWeeks && (extendedUntil is not { } until || today > until);
    }

    /// <summary>
    /// Refuses a non-school placement that would leave the pupil no home-school session in the
    /// week: <paramref name="sessionsAway"/> counts every session the pupil would spend in AP with
    /// it (10 for full time). Routes on which the pupil cannot attend the home school are exempt
    /// (<see cref="RouteRules.KeepsHomeSchoolSessions"/>).
    /// </summary>
    public static DomainError? CheckHomeSchoolSessions(ApType? type, int sessionsAway, PlacementRoute route)
    {
        if (type != ApType.NonSchool || !RouteRules.KeepsHomeSchoolSessions(route) || sessionsAway < Sessions.All.Count) return null;
        return DomainError.Validation(
            "sessions",
            $"{HomeSchoolTimeRule}: a placement in non-school AP is part of the week; the pupil keeps at least one session at the home school on a {RouteRules.ContractName(route)} placement.");
    }
}
