namespace ApGrid.Domain;

/// <summary>
/// Suspensions and permanent exclusions: what may be recorded, the sixth school day, and who owes
/// full-time education from it. Days are school days of the home school's calendar, and day 1 is
/// the first school day of the exclusion, so a bank holiday or a half-term inside the first week
/// moves the sixth day out.
/// </summary>
public static class ExclusionRules
{
    public const int SessionsPerDay = 2;

    /// <summary>The days before a duty to educate starts; also the days of a permanent exclusion coded E.</summary>
    public const int DaysBeforeDuty = 5;

    /// <summary>A pupil may be suspended for no more than 45 school days in a school year (School Discipline Regulations 2012).</summary>
    public const int MaxSuspendedDaysPerYear = 45;

    /// <summary>How far ahead a start may be recorded: a decision made before a holiday takes effect on the first day back.</summary>
    public const int MaxDaysAhead = 60;

    public static DomainError? Validate(Exclusion exclusion, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(exclusion);
        if (exclusion.Kind == ExclusionKind.PermanentExclusion && exclusion.Sessions is not null)
        {
            return DomainError.Validation("sessions", "A PERMANENT_EXCLUSION has a start date and no number of sessions; leave sessions out.");
        }

        if (exclusion.Kind == ExclusionKind.Suspension && exclusion.Sessions is not (>= 1 and <= MaxSuspendedDaysPerYear * SessionsPerDay))
        {
            return DomainError.Validation(
                "sessions",
                $"A SUSPENSION needs its length in sessions (half days), 1 to {MaxSuspendedDaysPerYear * SessionsPerDay}.");
        }

        if (exclusion.StartDate < today.AddYears(-1))
        {
            return DomainError.Validation("startDate", $"startDate ({exclusion.StartDate:yyyy-MM-dd}) is more than a year ago.");
        }

        return exclusion.StartDate > today.AddDays(MaxDaysAhead)
            ? DomainError.Validation("startDate", $"startDate ({exclusion.StartDate:yyyy-MM-dd}) is more than {MaxDaysAhead} days ahead.")
            : null;
    }

    /// <summary>
    /// Checks the exclusion against the calendar and the pupil's exclusions that still stand (not
    /// reinstated): it starts on a school day, no permanent exclusion stands, suspensions do not
    /// overlap, and the school year's suspended days stay within the limit.
    /// </summary>
    public static DomainError? CheckAgainst(SchoolCalendar calendar, Exclusion exclusion, IEnumerable<Exclusion> standing)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(exclusion);
        ArgumentNullException.ThrowIfNull(standing);
        if (!calendar.IsSchoolDay(exclusion.StartDate))
        {
            return DomainError.Validation("startDate", $"startDate ({exclusion.StartDate:yyyy-MM-dd}) is not a school day of the home school's calendar.");
        }

        var others = standing.Where(e => calendar.Covers(e.StartDate)).ToList();
        if (others.Find(e => e.Kind == ExclusionKind.PermanentExclusion) is { } permanent)
        {
            return DomainError.Conflict("pupilId", $"The pupil has stood permanently excluded since {permanent.StartDate:yyyy-MM-dd}; record the reinstatement first.");
        }

        if (exclusion.Kind == ExclusionKind.PermanentExclusion) return null;
        var first = FirstDay(calendar, exclusion);
        var last = LastDay(calendar, exclusion)!.Value;
        var suspensions = others.Where(e => e.Kind == ExclusionKind.Suspension).ToList();
        if (suspensions.Find(e => FirstDay(calendar, e) <= last && LastDay(calendar, e) >= first) is { } overlap)
        {
            return DomainError.Conflict("startDate", $"The suspension overlaps the suspension from {overlap.StartDate:yyyy-MM-dd}.");
        }

        var year = SchoolYear.AcademicYearStart(exclusion.StartDate);
        var days = suspensions.Where(e => SchoolYear.AcademicYearStart(e.StartDate) == year).Sum(SchoolDays) + SchoolDays(exclusion);
        return days > MaxSuspendedDaysPerYear
            ? DomainError.Validation(
                "sessions",
                $"This suspension would make {days} school days suspended in the {year.Year}/{(year.Year + 1) % 100:D2} school year; the limit is {MaxSuspendedDaysPerYear}.")
            : null;
    }

    /// <summary>Day 1: the first school day on or after the start.</summary>
    public static DateOnly FirstDay(SchoolCalendar calendar, Exclusion exclusion)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(exclusion);
        return calendar.NextSchoolDayOnOrAfter(exclusion.StartDate);
    }

    /// <summary>The sixth school day counting the first day of the exclusion as day 1.</summary>
    public static DateOnly SixthDay(SchoolCalendar calendar, Exclusion exclusion) =>
        calendar.AddSchoolDays(FirstDay(calendar, exclusion), DaysBeforeDuty);

    /// <summary>School days a suspension covers, a started half day counting as a day; 0 for a permanent exclusion.</summary>
    public static int SchoolDays(Exclusion exclusion)
    {
        ArgumentNullException.ThrowIfNull(exclusion);
        return exclusion.Kind == ExclusionKind.Suspension ? ((exclusion.Sessions ?? 0) + SessionsPerDay - 1) / SessionsPerDay : 0;
    }

    /// <summary>The last school day of a suspension; null for a permanent exclusion, which has no end.</summary>
    public static DateOnly? LastDay(SchoolCalendar calendar, Exclusion exclusion) =>
        exclusion.Kind == ExclusionKind.Suspension ? calendar.AddSchoolDays(FirstDay(calendar, exclusion), SchoolDays(exclusion) - 1) : null;

    /// <summary>
    /// Who owes full-time education from the sixth school day: the LA after a permanent exclusion,
    /// the school for a suspension of more than five school days, nobody for a shorter one.
    /// </summary>
    public static ExclusionDutyHolder? DutyHolder(Exclusion exclusion)
    {
        ArgumentNullException.ThrowIfNull(exclusion);
        return exclusion.Kind switch
        {
            ExclusionKind.PermanentExclusion => ExclusionDutyHolder.LocalAuthority,
            _ when exclusion.Sessions > DaysBeforeDuty * SessionsPerDay => ExclusionDutyHolder.School,
            _ => null,
        };
    }

    /// <summary>The sixth school day when someone owes education from it; otherwise null.</summary>
    public static DateOnly? DutyStarts(SchoolCalendar calendar, Exclusion exclusion) =>
        DutyHolder(exclusion) is null ? null : SixthDay(calendar, exclusion);

    /// <summary>
    /// The school days the register marks E (excluded, no provision yet): days 1 to 5 of a permanent
    /// exclusion, and of a suspension as many of them as it lasts.
    /// </summary>
    public static IReadOnlyList<DateOnly> DaysCodedE(SchoolCalendar calendar, Exclusion exclusion)
    {
        var count = exclusion.Kind == ExclusionKind.PermanentExclusion ? DaysBeforeDuty : Math.Min(DaysBeforeDuty, SchoolDays(exclusion));
        var first = FirstDay(calendar, exclusion);
        return [.. Enumerable.Range(0, count).Select(i => calendar.AddSchoolDays(first, i))];
    }

    /// <summary>
    /// Whether education is recorded for the sixth day: a placement that has started by then and
    /// had not ended before it. A placement starting later still leaves day 6 without provision.
    /// </summary>
    public static bool IsProvidedOn(DateOnly sixthDay, IEnumerable<(DateOnly Start, DateOnly? End)> placements)
    {
        ArgumentNullException.ThrowIfNull(placements);
        return placements.Any(p => p.Start <= sixthDay && (p.End is null || p.End >= sixthDay));
    }

    /// <summary>From the sixth day itself a pupil without provision is overdue: the education is owed on that day.</summary>
    public static bool IsOverdue(DateOnly sixthDay, bool provided, DateOnly today) => !provided && today >= sixthDay;

    /// <summary>A reinstatement falls between the start and today, and within a suspension: one that is over has nothing left to lift.</summary>
    public static DomainError? ValidateReinstatement(DateOnly reinstatedOn, DateOnly startDate, DateOnly? lastDay, DateOnly today)
    {
        if (reinstatedOn < startDate)
        {
            return DomainError.Validation("reinstatedOn", $"reinstatedOn ({reinstatedOn:yyyy-MM-dd}) cannot be before the exclusion started ({startDate:yyyy-MM-dd}).");
        }

        if (reinstatedOn > lastDay)
        {
            return DomainError.Conflict("reinstatedOn", $"The suspension was over after {lastDay:yyyy-MM-dd}; there is nothing to reinstate from on {reinstatedOn:yyyy-MM-dd}.");
        }

        return reinstatedOn > today ? DomainError.Validation("reinstatedOn", $"reinstatedOn ({reinstatedOn:yyyy-MM-dd}) cannot be in the future.") : null;
    }
}
