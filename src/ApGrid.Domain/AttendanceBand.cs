namespace ApGrid.Domain;

/// <summary>
/// Attendance to date in the DfE's bands: below 90% is persistent absence, below 50% severe
/// absence. A pupil with no possible session marked yet has no band of their own.
/// </summary>
public enum AttendanceBand
{
    NinetyPercentOrMore,
    FiftyToUnderNinety,
    UnderFifty,
    NoMarksYet,
}
