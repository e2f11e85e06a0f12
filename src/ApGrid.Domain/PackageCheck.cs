namespace ApGrid.Domain;

/// <summary>
/// A pupil's week as the full-time-education check sees it: the sessions covered by the home
/// school or a provider, the sessions left uncovered, tuition hours, and the gap to a full week.
/// </summary>
public sealed record PackageCheck(IReadOnlyList<Session> Covered, IReadOnlyList<Session> Uncovered, double TuitionHours, double GapHours)
{
    /// <summary>Less than a full week: a part-time timetable (census code C2 for the sessions missed).</summary>
    public bool PartTime => GapHours > 0;
}
