namespace ApGrid.Grains.Abstractions;

/// <summary>One session's mark as a placement's attendance keeps it.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.DatedMark")]
public sealed record DatedMark(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] Session Session,
    [property: Id(2)] AttendanceCode Code)
{
    public AttendanceMark ToMark() => new(Date, Session, Code);
}
