namespace ApGrid.Domain;

/// <summary>
/// Parental consent and notice before a placement starts: families are entitled to time to
/// prepare the child, so the AP cannot start the day the letter goes out.
/// </summary>
public static class ConsentRules
{
    public const int NoticeSchoolDays = 2;

    /// <summary>
    /// The second school day of <paramref name="calendar"/> after the notice; the notice day itself
    /// does not count, so notice on the last day of term allows a start on the second day of the next.
    /// </summary>
    public static DateOnly EarliestStart(SchoolCalendar calendar, DateOnly noticeGivenOn)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddSchoolDays(noticeGivenOn, NoticeSchoolDays);
    }

    /// <remarks>
    /// Consent without a notice date is treated as no consent: the notice period cannot be
    /// checked, and starting on an unverifiable consent is the failure this rule exists to stop.
    /// </remarks>
    public static DomainError? CheckStart(SchoolCalendar calendar, bool consentRecorded, DateOnly? noticeGivenOn, DateOnly startDate)
    {
        if (!consentRecorded || noticeGivenOn is not { } notice)
        {
            return DomainError.ConsentRequired(
                "referralId",
                "Record parental consent and the date notice was given before starting the placement.");
        }

        var earliest = EarliestStart(calendar, notice);
        return startDate < earliest
            ? DomainError.Validation(
                "startDate",
                $"startDate ({startDate:yyyy-MM-dd}) is too soon after notice on {notice:yyyy-MM-dd}; the earliest allowed start is {earliest:yyyy-MM-dd}.")
            : null;
    }

    public static DomainError? ValidateNotice(DateOnly noticeGivenOn, DateOnly submittedOn, DateOnly today)
    {
        if (noticeGivenOn < submittedOn)
        {
            return DomainError.Validation(
                "noticeGivenOn",
                $"noticeGivenOn ({noticeGivenOn:yyyy-MM-dd}) cannot be before the referral was submitted ({submittedOn:yyyy-MM-dd}).");
        }

        return noticeGivenOn > today
            ? DomainError.Validation("noticeGivenOn", $"noticeGivenOn ({noticeGivenOn:yyyy-MM-dd}) cannot be in the future.")
            : null;
    }
}
