namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.PlacementAttendanceState")]
public sealed class PlacementAttendanceState
{
    [Id(0)] public string? PupilId { get; set; }

    /// <summary>Marks as stored before the months held them; moved to the months on activation, then empty.</summary>
    [Id(1)] public Dictionary<DateOnly, List<DatedMark>> Days { get; set; } = [];

    [Id(2)] public List<OutboxMessage> Outbox { get; set; } = [];

    /// <summary>
    /// Each month's tally by its first day, as the month last answered: twelve small entries a year,
    /// where the marks themselves (about 380 a year) live in the month grains.
    /// </summary>
    [Id(3)] public Dictionary<DateOnly, AttendanceCounts> Months { get; set; } = [];
}
