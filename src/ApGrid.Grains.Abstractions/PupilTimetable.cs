namespace ApGrid.Grains.Abstractions;

/// <summary>
/// The sessions the pupil attends at the home school and any tuition, from a date; below a full
/// week it is a part-time timetable and says who agreed it and when it ends.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.PupilTimetable")]
public sealed record PupilTimetable(
    [property: Id(0)] DateOnly EffectiveFrom,
    [property: Id(1)] IReadOnlyList<Session> HomeSchoolSessions,
    [property: Id(2)] double TuitionHoursPerWeek,
    [property: Id(3)] string? PartTimeAgreedBy,
    [property: Id(4)] DateOnly? PartTimeEndsOn,
    [property: Id(5)] string By);
