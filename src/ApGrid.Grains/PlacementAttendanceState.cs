namespace ApGrid.Grains;

[GenerateSerializer, Alias("ApGrid.PlacementAttendanceState")]
public sealed class PlacementAttendanceState
{
    [Id(0)] public string? PupilId { get; set; }

    /// <summary>Every mark of the placement by day; a school year is at most ~390 marks.</summary>
    [Id(1)] public Dictionary<DateOnly, List<DatedMark>> Days { get; set; } = [];

    [Id(2)] public List<OutboxMessage> Outbox { get; set; } = [];
}
