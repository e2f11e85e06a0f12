namespace ApGrid.Domain;

/// <summary>
/// Term dates for an academic year nobody has entered, so every rule that counts school days has
/// a calendar to count on. The result is flagged <see cref="TermDates.IsDefault"/>.
/// </summary>
/// <remarks>
/// The pattern most English LAs follow, reduced to rules that hold for any year:
/// <list type="bullet">
/// <item>Autumn 1 starts on the first weekday on or after 1 September.</item>
/// <item>October half-term is the last Monday-to-Friday week wholly in October.</item>
/// <item>Autumn 2 ends on the last weekday on or before 20 December; spring 1 starts on the first
/// weekday on or after 4 January (a Christmas break of about two weeks).</item>
/// <item>February half-term is the week of the third Monday of February.</item>
/// <item>The Easter break is the two weeks from the Monday before Good Friday, so Good Friday and
/// Easter Monday always fall in it; spring 2 ends the Friday before, summer 1 starts the Monday after.</item>
/// <item>May half-term is the week of the spring bank holiday (last Monday of May).</item>
/// <item>Summer 2 ends on the last weekday on or before 22 July.</item>
/// <item>Five INSET days: the first two school days of autumn 1 and the first school day of spring 1,
/// summer 1 and summer 2.</item>
/// </list>
/// That gives 189 to 193 pupil days (2000 to 2100), the statutory minimum of 190 being what LAs plan to.
/// </remarks>
public static class DefaultTermDates
{
    public static TermDates For(int academicYear)
    {
        var y = academicYear;
        var octoberHalfTerm = MondayOnOrBefore(new DateOnly(y, 10, 27));
        var springStart = WeekdayOnOrAfter(new DateOnly(y + 1, 1, 4));
        var februaryHalfTerm = MondayOnOrAfter(new DateOnly(y + 1, 2, 15));
        var easterBreak = BankHolidays.EasterSunday(y + 1).AddDays(-6);
        var mayHalfTerm = MondayOnOrBefore(new DateOnly(y + 1, 5, 31));

        HalfTerm[] terms =
        [
            new(WeekdayOnOrAfter(new DateOnly(y, 9, 1)), octoberHalfTerm.AddDays(-3)),
            new(octoberHalfTerm.AddDays(7), WeekdayOnOrBefore(new DateOnly(y, 12, 20))),
            new(springStart, februaryHalfTerm.AddDays(-3)),
            new(februaryHalfTerm.AddDays(7), easterBreak.AddDays(-3)),
            new(easterBreak.AddDays(14), mayHalfTerm.AddDays(-3)),
            new(mayHalfTerm.AddDays(7), WeekdayOnOrBefore(new DateOnly(y + 1, 7, 22))),
        ];

        var holidays = BankHolidays.For(y).Concat(BankHolidays.For(y + 1)).ToHashSet();
        var inset = new List<DateOnly>();
        foreach (var (term, days) in new[] { (0, 2), (2, 1), (4, 1), (5, 1) })
        {
            inset.AddRange(Weekdays(terms[term]).Where(d => !holidays.Contains(d)).Take(days));
        }

        return new TermDates(academicYear, terms, inset, IsDefault: true);
    }

    private static IEnumerable<DateOnly> Weekdays(HalfTerm term)
    {
        for (var d = term.Start; d <= term.End; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) yield return d;
        }
    }

    private static DateOnly WeekdayOnOrAfter(DateOnly date) =>
        date.DayOfWeek switch
        {
            DayOfWeek.Saturday => date.AddDays(2),
            DayOfWeek.Sunday => date.AddDays(1),
            _ => date,
        };

    private static DateOnly WeekdayOnOrBefore(DateOnly date) =>
        date.DayOfWeek switch
        {
            DayOfWeek.Saturday => date.AddDays(-1),
            DayOfWeek.Sunday => date.AddDays(-2),
            _ => date,
        };

    private static DateOnly MondayOnOrAfter(DateOnly date) => date.AddDays(((int)DayOfWeek.Monday - (int)date.DayOfWeek + 7) % 7);

    private static DateOnly MondayOnOrBefore(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
}
