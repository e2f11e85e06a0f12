namespace ApGrid.Domain;

/// <summary>
/// The dates a caller may give, by what they mean, relative to today. A far date is refused by its
/// field before any rule adds years to it (year 9999 plus a plan's length does not exist), and an
/// old one does not jump a queue: backdating beyond a short window is the LA's to do.
/// </summary>
public static class DateRanges
{
    /// <summary>The calendar ApGrid reasons about: pupils' lives, school years, statutory deadlines.</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(2199, 12, 31);

    /// <summary>A start is planned at most a year ahead: the next school year, not beyond.</summary>
    public const int MaxDaysAhead = 366;

    /// <summary>Even the LA records a start or an event at most this long ago: ApGrid tracks current provision, not history.</summary>
    public const int MaxYearsBack = 5;

    /// <summary>Any date at all: within <see cref="Earliest"/> and <see cref="Latest"/>.</summary>
    public static DomainError? CheckCalendar(string field, DateOnly date) =>
        date < Earliest || date > Latest
            ? DomainError.Validation(field, $"{field} ({date:yyyy-MM-dd}) must be between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}.")
            : null;

    /// <summary>
    /// The day something starts (a placement, provision after an exclusion): at most
    /// <see cref="MaxDaysAhead"/> days ahead; more than <paramref name="backdateDays"/> days ago only
    /// by the LA, and never more than <see cref="MaxYearsBack"/> years ago.
    /// </summary>
    public static DomainError? CheckStart(string field, DateOnly date, DateOnly today, int backdateDays, bool byLa)
    {
        var latest = today.AddDays(MaxDaysAhead);
        return date > latest
            ? DomainError.Validation(field, $"{field} ({date:yyyy-MM-dd}) must be no later than {latest:yyyy-MM-dd}, a year from today.")
            : CheckPast(field, date, today, backdateDays, byLa);
    }

    /// <summary>
    /// The day something already happened (a pupil joined a waiting list): not after today; more than
    /// <paramref name="backdateDays"/> days ago only by the LA, and never more than
    /// <see cref="MaxYearsBack"/> years ago.
    /// </summary>
    public static DomainError? CheckHappened(string field, DateOnly date, DateOnly today, int backdateDays, bool byLa) =>
        date > today
            ? DomainError.Validation(field, $"{field} cannot be in the future.")
            : CheckPast(field, date, today, backdateDays, byLa);

    private static DomainError? CheckPast(string field, DateOnly date, DateOnly today, int backdateDays, bool byLa)
    {
        var earliest = today.AddYears(-MaxYearsBack);
        if (date < earliest)
        {
            return DomainError.Validation(field, $"{field} ({date:yyyy-MM-dd}) must be no earlier than {earliest:yyyy-MM-dd}, {MaxYearsBack} years ago.");
        }

        return !byLa && date < today.AddDays(-backdateDays)
            ? DomainError.Forbidden(field, $"{field} ({date:yyyy-MM-dd}) is more than {backdateDays} days ago; only the LA may backdate further.")
            : null;
    }
}
