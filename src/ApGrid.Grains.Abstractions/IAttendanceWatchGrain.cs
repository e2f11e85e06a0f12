namespace ApGrid.Grains.Abstractions;

/// <summary>
/// The LA's not-arrived watch, keyed by LA code: after each session's cut-off on a school day it
/// asks every setting's register of the day to raise its alerts.
/// </summary>
[Alias("ApGrid.IAttendanceWatchGrain")]
public interface IAttendanceWatchGrain : IGrainWithStringKey
{
    /// <summary>Starts the periodic sweep; harmless to repeat. Interleaves, so the LA may call it while a sweep waits on the LA.</summary>
    [AlwaysInterleave, Alias("Start")]
    Task StartAsync();

    /// <summary>Runs the cut-off checks due now; returns the alerts it raised.</summary>
    [Alias("Sweep")]
    Task<IReadOnlyList<NotArrivedAlert>> SweepAsync();

    /// <summary>The alerts raised on <paramref name="day"/> across the LA's settings.</summary>
    [AlwaysInterleave, Alias("GetAlerts")]
    Task<IReadOnlyList<NotArrivedAlert>> GetAlertsAsync(DateOnly day);
}
