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
    ReturnSpecialSchool? SpecialSchool = null);
