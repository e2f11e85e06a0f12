namespace ApGrid.Domain;

/// <summary>
/// School days over a run of whole academic years: a weekday in a half-term that is neither a
/// bank holiday of England and Wales nor an INSET day (the LA's, or the school's own).
/// </summary>
/// <remarks>
/// A date outside the years it was built from throws instead of guessing: a guess past the end
/// would count holidays as school days, the fault this type exists to remove. Callers ask the LA's
/// calendar grain for the span they need; it fills years nobody entered with defaults.
/// </remarks>
public sealed class SchoolCalendar
{
    private readonly bool[] schoolDay;

    // countTo[i]: school days from FirstDate to FirstDate + i inclusive, so any span counts in O(1).
    private readonly int[] countTo;

    /// <exception cref="ArgumentException">No years, or years that are not consecutive.</exception>
    public SchoolCalendar(IEnumerable<TermDates> years, IEnumerable<DateOnly>? extraInsetDays = null)
    {
        ArgumentNullException.ThrowIfNull(years);
        Years = [.. years.OrderBy(y => y.AcademicYear)];
        if (Years.Count == 0) throw new ArgumentException("A calendar needs at least one academic year.", nameof(years));
        for (var i = 1; i < Years.Count; i++)
        {
            if (Years[i].AcademicYear != Years[i - 1].AcademicYear + 1)
            {
                throw new ArgumentException("The academic years of a calendar must be consecutive, each once.", nameof(years));
            }
        }

        FirstDate = Years[0].FirstDay;
        LastDate = Years[^1].LastDay;
        ExtraInsetDays = [.. (extraInsetDays ?? []).Where(Covers).Distinct().Order()];
        var closed = Years.SelectMany(y => y.InsetDays)
            .Concat(ExtraInsetDays)
            .Concat(Enumerable.Range(FirstDate.Year, LastDate.Year - FirstDate.Year + 1).SelectMany(BankHolidays.For))
            .ToHashSet();

        var length = LastDate.DayNumber - FirstDate.DayNumber + 1;
        schoolDay = new bool[length];
        countTo = new int[length];
        var count = 0;
        foreach (var year in Years)
        {
            foreach (var term in year.Terms)
            {
                for (var d = term.Start; d <= term.End; d = d.AddDays(1))
                {
                    schoolDay[Index(d)] = d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !closed.Contains(d);
                }
            }
        }

        for (var i = 0; i < length; i++)
        {
            count += schoolDay[i] ? 1 : 0;
            countTo[i] = count;
        }
    }

    public IReadOnlyList<TermDates> Years { get; }

    /// <summary>The school's own INSET days on top of the LA's, within the span.</summary>
    public IReadOnlyList<DateOnly> ExtraInsetDays { get; }

    /// <summary>1 September of the first academic year.</summary>
    public DateOnly FirstDate { get; }

    /// <summary>31 August of the last academic year.</summary>
    public DateOnly LastDate { get; }

    public bool Covers(DateOnly date) => date >= FirstDate && date <= LastDate;

    /// <exception cref="ArgumentOutOfRangeException">The date is outside the calendar.</exception>
    public bool IsSchoolDay(DateOnly date) => schoolDay[Index(date)];

    /// <summary>
    /// The date <paramref name="days"/> school days after (or, when negative, before)
    /// <paramref name="date"/>. The start itself never counts, so a start in a holiday reaches the
    /// first day back after one day; 0 returns the date unchanged.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The date or the result is outside the calendar.</exception>
    public DateOnly AddSchoolDays(DateOnly date, int days)
    {
        var i = Index(date);
        if (days == 0) return date;

        var before = countTo[i] - (schoolDay[i] ? 1 : 0);
        var target = days > 0 ? (long)countTo[i] + days : (long)before + days + 1;
        if (target < 1 || target > countTo[^1])
        {
            throw new ArgumentOutOfRangeException(
                nameof(days), days, $"{days} school days from {date:yyyy-MM-dd} falls outside the calendar ({FirstDate:yyyy-MM-dd} to {LastDate:yyyy-MM-dd}).");
        }

        // The first day on which the running count reaches the target is that school day.
        var found = Array.BinarySearch(countTo, (int)target);
        while (found > 0 && countTo[found - 1] == target) found--;
        return FirstDate.AddDays(found);
    }

    /// <summary>
    /// School days after <paramref name="from"/> up to and including <paramref name="to"/>
    /// (negative when <paramref name="to"/> is earlier), so
    /// <c>SchoolDaysBetween(d, AddSchoolDays(d, n)) == n</c> for any n of 0 or more.
    /// </summary>
    public int SchoolDaysBetween(DateOnly from, DateOnly to) => countTo[Index(to)] - countTo[Index(from)];

    public DateOnly NextSchoolDayOnOrAfter(DateOnly date) =>
        IsSchoolDay(date) ? date : AddSchoolDays(date, 1);

    /// <summary>School days in one academic year of the calendar.</summary>
    public int SchoolDaysIn(int academicYear)
    {
        var first = new DateOnly(academicYear, 9, 1);
        return CountFromTo(first, first.AddYears(1).AddDays(-1));
    }

    /// <summary>
    /// The same weekday <paramref name="weeks"/> term weeks after <paramref name="date"/>. A term
    /// week is a Monday-to-Sunday week holding at least one school day, so holidays stop the clock
    /// while a week with a bank holiday or an INSET day in it still counts.
    /// </summary>
    /// <remarks>The week of <paramref name="date"/> itself never counts, as a start day never counts for school days.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">Negative weeks, or the count runs past the calendar.</exception>
    public DateOnly AddTermWeeks(DateOnly date, int weeks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weeks);
        Index(date);
        var monday = date.AddDays(-(((int)date.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
        var result = date;
        for (var counted = 0; counted < weeks;)
        {
            monday = monday.AddDays(7);
            result = result.AddDays(7);
            if (monday.AddDays(6) > LastDate)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(weeks), weeks, $"{weeks} term weeks from {date:yyyy-MM-dd} run past the calendar's end ({LastDate:yyyy-MM-dd}).");
            }

            if (CountFromTo(monday, monday.AddDays(6)) > 0) counted++;
        }

        return result;
    }

    private int CountFromTo(DateOnly first, DateOnly last) =>
        countTo[Index(last)] - countTo[Index(first)] + (schoolDay[Index(first)] ? 1 : 0);

    private int Index(DateOnly date) =>
        Covers(date)
            ? date.DayNumber - FirstDate.DayNumber
            : throw new ArgumentOutOfRangeException(nameof(date), date, $"{date:yyyy-MM-dd} is outside the calendar ({FirstDate:yyyy-MM-dd} to {LastDate:yyyy-MM-dd}).");
}
