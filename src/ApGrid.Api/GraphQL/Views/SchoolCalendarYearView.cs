namespace ApGrid.Api.GraphQL.Views;

/// <summary>
/// One academic year of the LA's calendar as GraphQL shows it, with the calendar it belongs to so
/// counts include bank holidays and, when a school was asked about, that school's own INSET days.
/// </summary>
public sealed record SchoolCalendarYearView(TermDates Year, SchoolCalendar Calendar, string? SchoolUrn)
{
    public IEnumerable<DateOnly> BankHolidays =>
        new[] { Year.AcademicYear, Year.AcademicYear + 1 }.SelectMany(ApGrid.Domain.BankHolidays.For)
            .Where(d => d >= Year.FirstDay && d <= Year.LastDay);

    public IEnumerable<DateOnly> SchoolInsetDays => Calendar.ExtraInsetDays.Where(d => d >= Year.FirstDay && d <= Year.LastDay);
}
