namespace ApGrid.Grains;

/// <summary>The "Attendance" configuration section: when a missing mark becomes a not-arrived alert, and how often the LA looks.</summary>
public sealed class AttendanceOptions
{
    /// <summary>UK local time after which a pupil expected in the morning with no mark has not arrived.</summary>
    public TimeOnly MorningCutoff { get; set; } = new(10, 0);

    public TimeOnly AfternoonCutoff { get; set; } = new(14, 0);

    /// <summary>How often the watch looks; an alert is raised at most this long after the cut-off.</summary>
    public TimeSpan NotArrivedCheckPeriod { get; set; } = TimeSpan.FromMinutes(5);
}
