namespace ApGrid.Domain;

public static class PupilRules
{
    /// <summary>
    /// Checks the facts a pupil is registered with. A pupil may be taught one year out of the
    /// year group their age implies (held back or moved up), never more.
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

        var expected = SchoolYear.AgeOn31August(dateOfBirth, today) - 4;
        return Math.Abs(expected - yearGroup) > 1
            ? DomainError.Validation("yearGroup", $"yearGroup {yearGroup} does not fit the date of birth (expected about {expected}).")
            : null;
    }
}
