namespace ApGrid.Grains.Abstractions;

/// <summary>A placement's attendance as of a day: the week holding it, everything to it, and the marks.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.PlacementAttendance")]
public sealed record PlacementAttendance(
    [property: Id(0)] string PlacementId,
    [property: Id(1)] DateOnly AsOf,
    [property: Id(2)] AttendanceCounts Week,
    [property: Id(3)] AttendanceCounts ToDate,
    [property: Id(4)] IReadOnlyList<DatedMark> Marks);
