namespace ApGrid.Domain;

/// <summary>
/// Bank holidays of England and Wales, computed for any year so no list has to be kept current.
/// </summary>
/// <remarks>
/// The eight regular holidays follow fixed rules (the Banking and Financial Dealings Act 1971 and
/// the royal proclamations that settled the May and August Mondays); a fixed-date holiday on a
/// weekend is substituted by the next weekday that is not already a holiday. Changes made by
/// proclamation for one year (moved holidays, jubilees, a state funeral, a coronation) cannot be
/// derived and are listed by year in ApplyOneOffChanges; a future one is added there.
/// </remarks>
public static class BankHolidays
{
    /// <summary>The bank holidays of <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<DateOnly> For(int year)
    {
        var goodFriday = EasterSunday(year).AddDays(-2);
        var days = new List<DateOnly> { goodFriday, goodFriday.AddDays(3), FirstMonday(year, 5), LastMonday(year, 5), LastMonday(year, 8) };
        AddWithSubstitute(days, new DateOnly(year, 1, 1));
        AddWithSubstitute(days, new DateOnly(year, 12, 25));
        AddWithSubstitute(days, new DateOnly(year, 12, 26));
        ApplyOneOffChanges(year, days);
        days.Sort();
        return days;
    }

    public static bool IsBankHoliday(DateOnly date) => For(date.Year).Contains(date);

    /// <summary>Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static void ApplyOneOffChanges(int year, List<DateOnly> days)
    {
        switch (year)
        {
            case 2020: // VE Day 75th anniversary: the early May holiday moved to Friday 8 May.
                days.Remove(FirstMonday(2020, 5));
                days.Add(new DateOnly(2020, 5, 8));
                break;
            case 2022: // Platinum Jubilee: spring holiday moved to 2 June, 3 June added; the Queen's state funeral.
                days.Remove(LastMonday(2022, 5));
                days.AddRange([new DateOnly(2022, 6, 2), new DateOnly(2022, 6, 3), new DateOnly(2022, 9, 19)]);
                break;
            case 2023: // Coronation of King Charles III.
                days.Add(new DateOnly(2023, 5, 8));
                break;
        }
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }

    // Christmas on a Saturday puts Boxing Day's substitute on Tuesday: Monday is already taken by
    // Christmas's own substitute, which is why holidays are added in date order.
    private static void AddWithSubstitute(List<DateOnly> days, DateOnly date)
    {
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || days.Contains(date))
        {
            date = date.AddDays(1);
        }

        days.Add(date);
    }
}
