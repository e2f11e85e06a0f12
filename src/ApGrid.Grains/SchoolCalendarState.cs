namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.SchoolCalendarState")]
public sealed class SchoolCalendarState
{
    /// <summary>The years the LA entered; any other year is generated on read, never stored.</summary>
    [Id(0)] public Dictionary<int, TermDates> Years { get; set; } = [];

    /// <summary>Schools' own INSET days, keyed "{urn}/{academicYear}".</summary>
    [Id(1)] public Dictionary<string, List<DateOnly>> SchoolInsetDays { get; set; } = [];
}
