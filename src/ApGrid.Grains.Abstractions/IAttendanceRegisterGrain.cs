namespace ApGrid.Grains.Abstractions;

/// <summary>
/// An AP setting's register for one day, keyed "{laCode}/{urn}/{yyyy-MM-dd}" (<see cref="AttendanceKeys"/>).
/// It alone stores that day's marks at the setting, so an upload is checked and stored whole, and it
/// raises each not-arrived alert of the day once.
/// </summary>
[Alias("ApGrid.IAttendanceRegisterGrain")]
public interface IAttendanceRegisterGrain : IOutboxOwner
{
    /// <summary>Who is expected (pupils placed at the setting for the day's sessions), the marks and alerts.</summary>
    [AlwaysInterleave, Alias("Get")]
    Task<RegisterSnapshot> GetAsync();

    /// <summary>
    /// Records marks, one per pupil and session (a repeat replaces the code; the same code again
    /// changes nothing). Every row is checked first: one refused row refuses the upload, naming it.
    /// </summary>
    [Alias("Record")]
    Task<CommandResult<RegisterSnapshot>> RecordAsync(IReadOnlyList<RegisterMarkRow> rows, RegisterWriter writer);

    /// <summary>Raises an alert for every pupil expected in the day's morning (or afternoon) session with no mark; never twice for one pupil and session.</summary>
    [Alias("RaiseNotArrived")]
    Task<IReadOnlyList<NotArrivedAlert>> RaiseNotArrivedAsync(bool morning);

    /// <summary>The alerts raised so far, from state alone: cheap enough for the LA to ask every setting.</summary>
    [AlwaysInterleave, Alias("GetNotArrived")]
    Task<IReadOnlyList<NotArrivedAlert>> GetNotArrivedAsync();
}
