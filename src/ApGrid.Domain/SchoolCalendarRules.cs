namespace ApGrid.Domain;

/// <summary>What makes an LA's term dates, or a school's own INSET days, acceptable.</summary>
public static class SchoolCalendarRules
{
    public const int HalfTermsPerYear = 6;

    public const int MinAcademicYear = 2000;

    public const int MaxAcademicYear = 2100;

    /// <summary>Far above the five a year schools have; more is a slip, not a plan.</summary>
    public const int MaxInsetDays = 20;

    /// <summary>The half-term names as the API spells them.</summary>
    public static string Name(HalfTermName name) => name switch
    {
        HalfTermName.Autumn1 => "AUTUMN_1",
        HalfTermName.Autumn2 => "AUTUMN_2",
        HalfTermName.Spring1 => "SPRING_1",
        HalfTermName.Spring2 => "SPRING_2",
        HalfTermName.Summer1 => "SUMMER_1",
        _ => "SUMMER_2",
    };

    /// <remarks>
    /// No half-terms and no INSET days is not checked here: the grain reads it as "back to the
    /// generated default". Half-terms must not touch the next year's: a day in two academic years would be counted
    /// twice, and a calendar is looked up by academic year.
    /// </remarks>
    public static DomainError? Validate(int academicYear, IReadOnlyList<HalfTerm> terms, IReadOnlyList<DateOnly> insetDays)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(insetDays);
        if (ValidateAcademicYear(academicYear) is { } badYear) return badYear;
        if (terms.Count != HalfTermsPerYear)
        {
            return DomainError.Validation("terms", $"terms must list the {HalfTermsPerYear} half-terms in order (AUTUMN_1 to SUMMER_2), not {terms.Count}.");
        }

        var yearStart = new DateOnly(academicYear, 9, 1);
        var yearEnd = new DateOnly(academicYear + 1, 8, 31);
        for (var i = 0; i < terms.Count; i++)
        {
            var term = terms[i];
            var name = Name((HalfTermName)i);
            if (term.Start > term.End)
            {
                return DomainError.Validation("terms", $"{name} starts ({term.Start:yyyy-MM-dd}) after it ends ({term.End:yyyy-MM-dd}).");
            }

            if (term.Start < yearStart || term.End > yearEnd)
            {
                return DomainError.Validation(
                    "terms",
                    $"{name} ({term.Start:yyyy-MM-dd} to {term.End:yyyy-MM-dd}) must fall inside the academic year {academicYear}/{(academicYear + 1) % 100:00} ({yearStart:yyyy-MM-dd} to {yearEnd:yyyy-MM-dd}).");
            }

            if (i > 0 && term.Start <= terms[i - 1].End)
            {
                return DomainError.Validation(
                    "terms",
                    $"{name} starts ({term.Start:yyyy-MM-dd}) before {Name((HalfTermName)(i - 1))} ends ({terms[i - 1].End:yyyy-MM-dd}); half-terms must be in order without overlap.");
            }
        }

        return ValidateInsetDays("insetDays", terms, insetDays);
    }

    /// <summary>A school's own INSET days: the same rules as the LA's, against the LA's terms.</summary>
    public static DomainError? ValidateSchoolInsetDays(TermDates year, IReadOnlyList<DateOnly> dates)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(dates);
        return ValidateInsetDays("dates", year.Terms, dates);
    }

    public static DomainError? ValidateAcademicYear(int academicYear) =>
        academicYear is < MinAcademicYear or > MaxAcademicYear
            ? DomainError.Validation("academicYear", $"academicYear must be {MinAcademicYear} to {MaxAcademicYear} (the year the school year starts), not {academicYear}.")
            : null;

    // An INSET day outside term or at a weekend would take no school day away, so it is almost
    // certainly a mistyped date and would hide the real one.
    private static DomainError? ValidateInsetDays(string field, IReadOnlyList<HalfTerm> terms, IReadOnlyList<DateOnly> dates)
    {
        if (dates.Count > MaxInsetDays)
        {
            return DomainError.Validation(field, $"{field} may list at most {MaxInsetDays} days, not {dates.Count}.");
        }

        var seen = new HashSet<DateOnly>();
        foreach (var date in dates)
        {
            if (!seen.Add(date))
            {
                return DomainError.Validation(field, $"{field} lists {date:yyyy-MM-dd} twice.");
            }

            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                return DomainError.Validation(field, $"The INSET day {date:yyyy-MM-dd} is a {date.DayOfWeek}; INSET days must be weekdays.");
            }

            if (!terms.Any(t => t.Contains(date)))
            {
                return DomainError.Validation(field, $"The INSET day {date:yyyy-MM-dd} is not in term; INSET days must fall inside a half-term.");
            }
        }

        return null;
    }
}
