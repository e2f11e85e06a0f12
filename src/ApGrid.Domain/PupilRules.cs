namespace ApGrid.Domain;

public static class PupilRules
{
    /// <summary>How far from their chronological year a pupil may be taught (held back or moved up).</summary>
    public const int MaxYearGroupOffset = 1;

    public const int MaxReasonLength = 500;

    /// <summary>
    /// Checks the facts a pupil is registered with; <paramref name="yearGroup"/> is the year group
    /// the pupil is taught in today. A pupil may be taught one year out of the year group their
    /// date of birth implies (held back or moved up), never more.
    /// </summary>
    public static DomainError? Validate(string upn, string initials, DateOnly dateOfBirth, int yearGroup, DateOnly today)
    {
        try
        {
            Upn.Parse(upn);
        }
        catch (DomainRuleException ex)
        {
            return ex.Error;
        }

        if (string.IsNullOrEmpty(initials) || initials.Length > 4 || !initials.All(char.IsAsciiLetterUpper))
        {
            return DomainError.Validation("initials", "initials must be 1 to 4 capital letters.");
        }

        if (dateOfBirth >= today)
        {
            return DomainError.Validation("dateOfBirth", "dateOfBirth must be in the past.");
        }

        if (yearGroup is < 0 or > 11)
        {
            return DomainError.Validation("yearGroup", "yearGroup must be between 0 (Reception) and 11.");
        }

        var expected = SchoolYear.NcyOn(dateOfBirth, today);
        return Math.Abs(expected - yearGroup) > MaxYearGroupOffset
            ? DomainError.Validation("yearGroup", $"yearGroup {yearGroup} does not fit the date of birth (expected about {expected}).")
            : null;
    }

    /// <summary>The stored offset of a pupil taught in <paramref name="yearGroup"/> today: 0 when taught with their own age group.</summary>
    public static int OffsetFor(DateOnly dateOfBirth, int yearGroup, DateOnly today) => yearGroup - SchoolYear.NcyOn(dateOfBirth, today);

    /// <summary>
    /// Checks a corrected date of birth and year-group offset: the date is in the past, the offset
    /// within one year, and the pupil of Reception age or older today (a pupil past Year 11 may
    /// still be corrected).
    /// </summary>
    /// <param name="dateOfBirthChanged">A date of birth is corrected only with a <paramref name="reason"/>: it moves the year group, the leaving date and every figure by age.</param>
    public static DomainError? ValidateCorrection(DateOnly dateOfBirth, int yearGroupOffset, DateOnly today, bool dateOfBirthChanged = false, string? reason = null)
    {
        if (dateOfBirthChanged && string.IsNullOrWhiteSpace(reason))
        {
            return DomainError.Validation("reason", "A date of birth correction needs a reason.");
        }

        if (reason?.Length > MaxReasonLength) return DomainError.Validation("reason", $"reason must be at most {MaxReasonLength} characters.");
        if (dateOfBirth >= today) return DomainError.Validation("dateOfBirth", "dateOfBirth must be in the past.");
        if (Math.Abs(yearGroupOffset) > MaxYearGroupOffset)
        {
            return DomainError.Validation("yearGroupOffset", $"yearGroupOffset must be between -{MaxYearGroupOffset} and {MaxYearGroupOffset}: a pupil is taught at most one year out of their age group.");
        }

        return SchoolYear.NcyOn(dateOfBirth, today, yearGroupOffset) < SchoolYear.Reception
            ? DomainError.Validation("dateOfBirth", $"With this date of birth the pupil would be below Reception today ({today:yyyy-MM-dd}).")
            : null;
    }

    /// <summary>
    /// The school leaving date bounds AP: a placement may not start after it, nor be planned to run past it
    /// (what comes after Year 11 is post-16 education, a different system).
    /// </summary>
    public static DomainError? CheckWithinSchoolAge(DateOnly dateOfBirth, DateOnly startDate, DateOnly plannedEndDate)
    {
        var leaves = SchoolYear.CompulsorySchoolAgeEnds(dateOfBirth);
        if (startDate > leaves)
        {
            return DomainError.Validation("startDate", $"The pupil reached school leaving age on {leaves:yyyy-MM-dd} (the last Friday of June of Year 11); AP placements end by then.");
        }

        return plannedEndDate > leaves
            ? DomainError.Validation("plannedEndDate", $"plannedEndDate must be on or before the pupil's school leaving date, {leaves:yyyy-MM-dd} (the last Friday of June of Year 11).")
            : null;
    }

    /// <summary>A home postcode is optional; when given it must be a UK postcode or sector, kept normalised.</summary>
    public static DomainError? CheckPostcode(string? text, out string? normalised)
    {
        normalised = null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!Postcode.TryParse(text, out var postcode))
        {
            return DomainError.Validation("homePostcode", "homePostcode must be a UK postcode such as \"NE1 4ST\", or its sector such as \"NE1 4\".");
        }

        normalised = postcode!.Value;
        return null;
    }
}
