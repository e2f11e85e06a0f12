namespace ApGrid.Domain.Returns;

/// <summary>What ApGrid holds of one pupil that the statutory returns use.</summary>
public sealed record ReturnPupil(
    string PupilId,
    string Upn,
    DateOnly DateOfBirth,
    string HomeSchoolUrn,
    string? HomePostcode,
    SenProvision SenProvision,
    NeedType? PrimaryNeed,
    IReadOnlyList<ReturnPlacement> Placements,
    ReturnEhcp? Ehcp = null,
    ReturnSpecialSchool? SpecialSchool = null)
{
    /// <summary>The order returns list pupils in: the UPN after its check letter, so by LA, establishment, year and serial.</summary>
    public string UpnOrder => Upn.Length > 1 ? Upn[1..] : Upn;
}
