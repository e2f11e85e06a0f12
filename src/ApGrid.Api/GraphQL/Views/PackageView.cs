namespace ApGrid.Api.GraphQL.Views;

/// <summary>A pupil's week on a date, as the full-time-education check sees it.</summary>
public sealed record PackageView(PupilView Pupil, DateOnly AsOf, PackageCheck Check)
{
    public PupilTimetable? Timetable => Pupil.Snapshot.TimetableOn(AsOf);
}
