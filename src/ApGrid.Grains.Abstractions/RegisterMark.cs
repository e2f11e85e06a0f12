namespace ApGrid.Grains.Abstractions;

/// <summary>A stored mark of a register: one pupil, one session, the latest code recorded.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.RegisterMark")]
public sealed record RegisterMark(
    [property: Id(0)] string PupilId,
    [property: Id(1)] string PlacementId,
    [property: Id(2)] Session Session,
    [property: Id(3)] AttendanceCode Code,
    [property: Id(4)] DateTimeOffset RecordedAt,
    [property: Id(5)] string RecordedBy);
