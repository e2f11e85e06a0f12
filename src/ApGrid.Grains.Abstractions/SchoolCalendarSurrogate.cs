namespace ApGrid.Grains.Abstractions;

/// <summary>
/// The wire form of the domain's <see cref="SchoolCalendar"/>: its inputs only, since the day
/// table is rebuilt from them in microseconds and would be far larger to send.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.SchoolCalendarSurrogate")]
public readonly record struct SchoolCalendarSurrogate(
    [property: Id(0)] List<TermDates> Years,
    [property: Id(1)] List<DateOnly> ExtraInsetDays);
