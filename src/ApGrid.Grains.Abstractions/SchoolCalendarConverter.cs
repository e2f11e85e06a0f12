namespace ApGrid.Grains.Abstractions;

[RegisterConverter]
public sealed class SchoolCalendarConverter : IConverter<SchoolCalendar, SchoolCalendarSurrogate>
{
    public SchoolCalendar ConvertFromSurrogate(in SchoolCalendarSurrogate surrogate) =>
        new(surrogate.Years ?? [], surrogate.ExtraInsetDays ?? []);

    public SchoolCalendarSurrogate ConvertToSurrogate(in SchoolCalendar value) =>
        new([.. value.Years], [.. value.ExtraInsetDays]);
}
