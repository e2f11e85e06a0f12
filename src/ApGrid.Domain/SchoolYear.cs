namespace ApGrid.Domain;

/// <summary>
/// English school-year arithmetic: academic years run 1 September to 31 August and pupils
/// are grouped by their age on the 31 August before the year starts.
/// </summary>
public static class SchoolYear
{
    public const int Reception = 0;

    public const int Year11 = 11;

    /// <summary>1 September of the academic year that contains <paramref name="date"/>.</summary>
    public static DateOnly AcademicYearStart(DateOnly date) =>
        new(date.Month >= 9 ? date.Year : date.Year - 1, 9, 1);

    /// <summary>Age in whole years on <paramref name="date"/>.</summary>
    /// <remarks>
    /// Someone born on 29 February gains a year on 1 March in common years, which is the
    /// usual reading in English law, not on 28 February.
    /// </remarks>
    /// <exception cref="DomainRuleException">The child is not yet born on <paramref name="date"/>.</exception>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly date)
    {
        if (dateOfBirth > date)
        {
            throw new DomainRuleException(DomainError.Validation(
                "dateOfBirth",
                $"Date of birth {dateOfBirth:yyyy-MM-dd} is after {date:yyyy-MM-dd}."));
        }

        var age = date.Year - dateOfBirth.Year;
        if (date.Month < dateOfBirth.Month || (date.Month == dateOfBirth.Month && date.Day < dateOfBirth.Day))
        {
            age--;
        }

        return age;
    }

    /// <summary>Age on the 31 August just before the academic year containing <paramref name="date"/>.</summary>
    public static int AgeOn31August(DateOnly dateOfBirth, DateOnly date) =>
        AgeOn(dateOfBirth, AcademicYearStart(date).AddDays(-1));

    /// <summary>
    /// The national curriculum year on <paramref name="date"/> of a child born on
    /// <paramref name="dateOfBirth"/> and taught <paramref name="offset"/> years out of their
    /// chronological year (usually 0; -1 held back, +1 moved up): 0 is Reception, 11 is Year 11.
    /// Not clamped: below 0 is before Reception, 12 and over is past Year 11.
    /// </summary>
    /// <remarks>
    /// The cohort is every child born from 1 September to 31 August, and Reception is the academic
    /// year that starts in the September after the cohort's fifth birthdays, so NCY is a difference
    /// of academic years and needs no age arithmetic (29 February births included).
    /// </remarks>
    public static int NcyOn(DateOnly dateOfBirth, DateOnly date, int offset = 0) =>
        AcademicYearStart(date).Year - AcademicYearStart(dateOfBirth).Year - 5 + offset;

    /// <summary>National curriculum year group: 0 for Reception up to 11 for Year 11.</summary>
    /// <exception cref="DomainRuleException">The child is outside Reception to Year 11 on that date.</exception>
    public static int YearGroupFor(DateOnly dateOfBirth, DateOnly date)
    {
        var yearGroup = NcyOn(dateOfBirth, date);
        if (yearGroup is < Reception or > Year11)
        {
            throw new DomainRuleException(DomainError.Validation(
                "dateOfBirth",
                $"A child born on {dateOfBirth:yyyy-MM-dd} is not of Reception to Year 11 age in the academic year starting {AcademicYearStart(date):yyyy-MM-dd}."));
        }

        return yearGroup;
    }

    public static KeyStage KeyStageOf(int yearGroup) => yearGroup switch
    {
        0 => KeyStage.Eyfs,
        1 or 2 => KeyStage.Ks1,
        >= 3 and <= 6 => KeyStage.Ks2,
        >= 7 and <= 9 => KeyStage.Ks3,
        10 or 11 => KeyStage.Ks4,
        >= 12 => KeyStage.Post16,
        _ => throw YearGroupOutOfRange(yearGroup),
    };

    public static Phase PhaseOf(int yearGroup) => yearGroup switch
    {
        >= Reception and <= 6 => Phase.Primary,
        // Past Year 11 travel is judged as for secondary pupils.
        >= 7 => Phase.Secondary,
        _ => throw YearGroupOutOfRange(yearGroup),
    };

    /// <summary>
    /// Whether the child is of compulsory school age on <paramref name="date"/>: from the first
    /// prescribed day (31 August, 31 December or 31 March) on or after their fifth birthday,
    /// up to and including the last Friday of June in the academic year they turn 16.
    /// </summary>
    public static bool IsOfCompulsorySchoolAge(DateOnly dateOfBirth, DateOnly date) =>
        date >= CompulsorySchoolAgeStarts(dateOfBirth) && date <= CompulsorySchoolAgeEnds(dateOfBirth);

    /// <summary>The first prescribed day on or after the fifth birthday.</summary>
    public static DateOnly CompulsorySchoolAgeStarts(DateOnly dateOfBirth)
    {
        // A 29 February birthday lands on 28 February in a common year; either way the next
        // prescribed day is 31 March, so the leap-day convention does not matter here.
        var fifthBirthday = dateOfBirth.AddYears(5);
        var year = fifthBirthday.Year;
        DateOnly[] prescribedDays = [new(year, 3, 31), new(year, 8, 31), new(year, 12, 31)];
        return prescribedDays.First(day => day >= fifthBirthday);
    }

    /// <summary>The school leaving date: last Friday of June in the academic year of the 16th birthday.</summary>
    public static DateOnly CompulsorySchoolAgeEnds(DateOnly dateOfBirth)
    {
        var sixteenthBirthday = dateOfBirth.AddYears(16);
        return LastFridayOfJune(AcademicYearStart(sixteenthBirthday).Year + 1);
    }

    private static DateOnly LastFridayOfJune(int year)
    {
        var day = new DateOnly(year, 6, 30);
        var daysBack = ((int)day.DayOfWeek - (int)DayOfWeek.Friday + 7) % 7;
        return day.AddDays(-daysBack);
    }

    private static DomainRuleException YearGroupOutOfRange(int yearGroup) =>
        new(DomainError.Validation("yearGroup", $"Year group must be 0 (Reception) or more, not {yearGroup}."));
}
