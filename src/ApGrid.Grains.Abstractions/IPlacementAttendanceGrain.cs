namespace ApGrid.Grains.Abstractions;

/// <summary>
/// A placement's marks across all its days, keyed "{laCode}/{placementId}": where weekly and
/// to-date attendance is read from without visiting a register per day.
/// </summary>
[Alias("ApGrid.IPlacementAttendanceGrain")]
public interface IPlacementAttendanceGrain : IOutboxOwner
{
    /// <summary>Takes the day's marks as the register holds them now; the same marks again change nothing.</summary>
    [Alias("SetDay")]
    Task SetDayAsync(string pupilId, DateOnly day, IReadOnlyList<DatedMark> marks);

    [AlwaysInterleave, Alias("Get")]
    Task<PlacementAttendance> GetAsync(DateOnly asOf);
}
