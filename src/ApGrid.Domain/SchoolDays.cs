namespace ApGrid.Domain;

/// <summary>Counts school days for notice periods.</summary>
/// <remarks>
/// Only Monday to Friday count. Bank holidays and term dates are out of scope: they differ by
/// LA and by school, and the domain holds no calendar, so a notice that spans a holiday may
/// give a date a caseworker has to push back by hand.
/// </remarks>
public static class SchoolDays
{
    public static bool IsSchoolDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The date <paramref name="days"/> school days after (or, when negative, before)
    /// <paramref name="date"/>. The start itself never counts, so a weekend start reaches
    /// Monday after one day; 0 returns the date unchanged.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The result would fall outside the calendar.</exception>
    public static DateOnly AddSchoolDays(DateOnly date, int days)
    {
        if (days == 0)
        {
            return date;
        }

        // Checked before the arithmetic below so a huge count cannot overflow int.
        if (Math.Abs((long)days) > DateOnly.MaxValue.DayNumber)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "The result would fall outside the calendar.");
        }

        var step = Math.Sign(days);
        var remaining = Math.Abs(days);

        // Any 7 consecutive days hold exactly 5 school days, so whole weeks can be jumped;
        // at least one day is kept back for the loop so a weekend start still lands on a weekday.
        var weeks = (remaining - 1) / 5;
        var result = date.AddDays(step * weeks * 7);
        remaining -= weeks * 5;

        while (remaining > 0)
        {
            result = result.AddDays(step);
            if (IsSchoolDay(result))
            {
                remaining--;
            }
        }

        return result;
    }
}
