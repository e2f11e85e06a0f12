namespace ApGrid.Api.GraphQL.Views;

/// <summary>Attendance as of a day: the week holding it and everything up to it, with the marks behind the figures.</summary>
public sealed record AttendanceView(DateOnly AsOf, AttendanceTally Week, AttendanceTally ToDate, IReadOnlyList<DatedMark> Marks);
