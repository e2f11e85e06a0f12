namespace ApGrid.Domain;

/// <summary>Sessions counted by category; <see cref="Percent"/> is attended / possible, null when nothing was possible.</summary>
public sealed record AttendanceTally(int Possible, int Attended, int AuthorisedAbsent, int UnauthorisedAbsent, int NotCounted)
{
    public static AttendanceTally None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Rounded to one decimal place, as attendance figures are published.</summary>
    public double? Percent => Possible == 0 ? null : Math.Round(100.0 * Attended / Possible, 1, MidpointRounding.AwayFromZero);

    public AttendanceTally Plus(AttendanceTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Possible + other.Possible, Attended + other.Attended, AuthorisedAbsent + other.AuthorisedAbsent,
            UnauthorisedAbsent + other.UnauthorisedAbsent, NotCounted + other.NotCounted);
    }

    public static AttendanceTally Of(IEnumerable<AttendanceCode> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        int possible = 0, attended = 0, authorised = 0, unauthorised = 0, notCounted = 0;
        foreach (var code in codes)
        {
            switch (AttendanceCodes.CategoryOf(code))
            {
                case AttendanceCategory.Present or AttendanceCategory.ApprovedEducationalActivity: attended++; possible++; break;
                case AttendanceCategory.AuthorisedAbsence: authorised++; possible++; break;
                case AttendanceCategory.UnauthorisedAbsence: unauthorised++; possible++; break;
                default: notCounted++; break;
            }
        }

        return new(possible, attended, authorised, unauthorised, notCounted);
    }
}
