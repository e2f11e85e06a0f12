namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.PlacementAttendanceMonthState")]
public sealed class PlacementAttendanceMonthState
{
    /// <summary>The month's marks by day: at most ~46 sessions.</summary>
    [Id(0)] public Dictionary<DateOnly, List<DatedMark>> Days { get; set; } = [];
}
