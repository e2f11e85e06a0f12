namespace ApGrid.Grains.Abstractions;

/// <summary>
/// An LA's school calendar, keyed by LA code: the term dates and INSET days it entered per
/// academic year, and the extra INSET days its schools added. A year nobody entered is answered
/// with <see cref="DefaultTermDates"/>, flagged as a default, so school days can always be counted.
/// </summary>
[Alias("ApGrid.ISchoolCalendarGrain")]
public interface ISchoolCalendarGrain : IGrainWithStringKey
{
    [AlwaysInterleave, Alias("GetYear")]
    Task<TermDates> GetYearAsync(int academicYear);

    /// <summary>
    /// Replaces the LA's term dates and INSET days of one academic year; no terms and no INSET days
    /// go back to the generated default.
    /// </summary>
    [Alias("SetTerms")]
    Task<CommandResult<TermDates>> SetTermsAsync(int academicYear, IReadOnlyList<HalfTerm> terms, IReadOnlyList<DateOnly> insetDays);

    /// <summary>Replaces one school's own INSET days of one academic year (on top of the LA's).</summary>
    [Alias("SetSchoolInsetDays")]
    Task<CommandResult<IReadOnlyList<DateOnly>>> SetSchoolInsetDaysAsync(string schoolUrn, int academicYear, IReadOnlyList<DateOnly> dates);

    /// <summary>
    /// A calendar covering every academic year from the one holding <paramref name="first"/> to the
    /// one after the one holding <paramref name="last"/>: the extra year lets a count that starts
    /// inside the span finish past its end (notice given on the last day of the summer term).
    /// </summary>
    [AlwaysInterleave, Alias("GetCalendar")]
    Task<SchoolCalendar> GetCalendarAsync(DateOnly first, DateOnly last, string? schoolUrn);
}
