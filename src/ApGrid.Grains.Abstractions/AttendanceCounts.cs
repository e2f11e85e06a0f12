namespace ApGrid.Grains.Abstractions;

/// <summary>An <see cref="AttendanceTally"/> as grains store and send it.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.AttendanceCounts")]
public sealed record AttendanceCounts(
    [property: Id(0)] int Possible,
    [property: Id(1)] int Attended,
    [property: Id(2)] int AuthorisedAbsent,
    [property: Id(3)] int UnauthorisedAbsent,
    [property: Id(4)] int NotCounted)
{
    public static AttendanceCounts From(AttendanceTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        return new(tally.Possible, tally.Attended, tally.AuthorisedAbsent, tally.UnauthorisedAbsent, tally.NotCounted);
    }

    public AttendanceTally ToTally() => new(Possible, Attended, AuthorisedAbsent, UnauthorisedAbsent, NotCounted);
}
