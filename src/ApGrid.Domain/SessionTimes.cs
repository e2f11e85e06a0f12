namespace ApGrid.Domain;

/// <summary>
/// The times a setting's morning and afternoon sessions run, the same each weekday. A placement's
/// weekly hours come from these, so "full time" is counted, never ticked.
/// </summary>
public sealed record SessionTimes(TimeOnly MorningStart, TimeOnly MorningEnd, TimeOnly AfternoonStart, TimeOnly AfternoonEnd)
{
    /// <summary>A common AP day: 09:00–12:00 and 13:00–15:30, 27.5 hours a week.</summary>
    public static SessionTimes Default { get; } = new(new(9, 0), new(12, 0), new(13, 0), new(15, 30));

    public double HoursOf(Session session) =>
        (Sessions.IsMorning(session) ? MorningEnd - MorningStart : AfternoonEnd - AfternoonStart).TotalHours;

    public double WeeklyHours(IEnumerable<Session> sessions) => sessions.Distinct().Sum(HoursOf);

    /// <returns>null if the times are a morning then an afternoon, each of positive length.</returns>
    public DomainError? Validate()
    {
        if (MorningEnd <= MorningStart)
        {
            return DomainError.Validation("sessionTimes.morningEnd", $"The morning must end after it starts ({MorningStart:HH\\:mm}), not at {MorningEnd:HH\\:mm}.");
        }

        if (AfternoonEnd <= AfternoonStart)
        {
            return DomainError.Validation("sessionTimes.afternoonEnd", $"The afternoon must end after it starts ({AfternoonStart:HH\\:mm}), not at {AfternoonEnd:HH\\:mm}.");
        }

        return AfternoonStart < MorningEnd
            ? DomainError.Validation("sessionTimes.afternoonStart", $"The afternoon cannot start ({AfternoonStart:HH\\:mm}) before the morning ends ({MorningEnd:HH\\:mm}).")
            : null;
    }
}
