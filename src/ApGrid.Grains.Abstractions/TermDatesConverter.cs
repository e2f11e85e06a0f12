namespace ApGrid.Grains.Abstractions;

[RegisterConverter]
public sealed class TermDatesConverter : IConverter<TermDates, TermDatesSurrogate>
{
    public TermDates ConvertFromSurrogate(in TermDatesSurrogate surrogate) =>
        new(surrogate.AcademicYear, surrogate.Terms ?? [], surrogate.InsetDays ?? [], surrogate.IsDefault);

    public TermDatesSurrogate ConvertToSurrogate(in TermDates value) =>
        new(value.AcademicYear, [.. value.Terms], [.. value.InsetDays], value.IsDefault);
}
