namespace ApGrid.Grains.Abstractions;

/// <summary>
/// The facts about a pupil that ApGrid needs; a pupil is known by an opaque id, not the UPN. The
/// year group is never stored: it follows from the date of birth on the date asked about, moved by
/// <see cref="YearGroupOffset"/> for a pupil taught out of their age group.
/// </summary>
/// <remarks>Id 3 held a year group frozen at registration; it is retired, not reused.</remarks>
[GenerateSerializer, Immutable, Alias("ApGrid.PupilRecord")]
public sealed record PupilRecord(
    [property: Id(0)] string Upn,
    [property: Id(1)] string Initials,
    [property: Id(2)] DateOnly DateOfBirth,
    [property: Id(4)] string HomeSchoolUrn,
    [property: Id(5)] SenProvision SenProvision,
    [property: Id(6)] NeedType? PrimaryNeed,
    [property: Id(7)] bool LookedAfter,
    [property: Id(8)] int YearGroupOffset = 0,
    [property: Id(9)] string? HomePostcode = null)
{
    /// <summary>National curriculum year on <paramref name="date"/>: 0 Reception … 11 Year 11, 12 and over past it.</summary>
    public int YearGroupOn(DateOnly date) => SchoolYear.NcyOn(DateOfBirth, date, YearGroupOffset);

    public KeyStage KeyStageOn(DateOnly date) => SchoolYear.KeyStageOf(YearGroupOn(date));
}
