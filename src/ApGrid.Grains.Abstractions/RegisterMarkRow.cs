namespace ApGrid.Grains.Abstractions;

/// <summary>One row of a register upload: a pupil's mark for one session of the register's day.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.RegisterMarkRow")]
public sealed record RegisterMarkRow(
    [property: Id(0)] string PupilId,
    [property: Id(1)] Session Session,
    [property: Id(2)] AttendanceCode Code);
