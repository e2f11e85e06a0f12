namespace ApGrid.Grains.Abstractions;

/// <summary>An EHC case as the LA's tracker holds it: enough to list, filter and date every deadline without visiting pupils.</summary>
/// <param name="DateOfBirth">For the phase-transfer deadline; null in entries stored before it was carried.</param>
[GenerateSerializer, Immutable, Alias("ApGrid.EhcpCaseEntry")]
public sealed record EhcpCaseEntry(
    [property: Id(0)] string PupilId,
    [property: Id(1)] string HomeSchoolUrn,
    [property: Id(2)] EhcpCaseRecord Case,
    [property: Id(3)] DateOnly? DateOfBirth = null,
    [property: Id(4)] int YearGroupOffset = 0)
{
    /// <summary>The pupil's case with what its deadlines need from the record.</summary>
    public static EhcpCaseEntry For(string pupilId, PupilRecord record, EhcpCaseRecord ehcp)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(pupilId, record.HomeSchoolUrn, ehcp, record.DateOfBirth, record.YearGroupOffset);
    }

    public IReadOnlyList<EhcDeadline> Deadlines(DateOnly asOf) => EhcDeadlines.For(Case.Facts(DateOfBirth, YearGroupOffset), asOf);
}
