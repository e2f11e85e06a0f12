namespace ApGrid.Domain;

/// <summary>One session's mark for one pupil; <see cref="Session"/> falls on <see cref="Date"/>'s weekday.</summary>
public sealed record AttendanceMark(DateOnly Date, Session Session, AttendanceCode Code);
