namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.AttendanceWatchState")]
public sealed class AttendanceWatchState
{
    /// <summary>The last day whose morning (afternoon) alerts every setting raised: that sweep is not run again.</summary>
    [Id(0)] public DateOnly? MorningSweptOn { get; set; }

    [Id(1)] public DateOnly? AfternoonSweptOn { get; set; }
}
