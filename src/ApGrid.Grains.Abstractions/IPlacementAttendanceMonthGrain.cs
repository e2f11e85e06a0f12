namespace ApGrid.Grains.Abstractions;

/// <summary>
/// One calendar month of a placement's marks, keyed "{laCode}/{placementId}/{yyyy-MM}": a day's marks
/// rewrite at most a month of marks however long the placement has run.
/// </summary>
[Alias("ApGrid.IPlacementAttendanceMonthGrain")]
public interface IPlacementAttendanceMonthGrain : IGrainWithStringKey
{
    /// <summary>Replaces the given days' marks (an empty list clears a day) and answers the month's tally after.</summary>
    [Alias("SetDays")]
    Task<AttendanceCounts> SetDaysAsync(IReadOnlyDictionary<DateOnly, IReadOnlyList<DatedMark>> days);

    [AlwaysInterleave, Alias("Get")]
    Task<IReadOnlyList<DatedMark>> GetAsync();
}
