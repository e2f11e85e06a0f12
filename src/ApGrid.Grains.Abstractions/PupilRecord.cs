namespace ApGrid.Grains.Abstractions;

/// <summary>The facts about a pupil that ApGrid needs; a pupil is known by an opaque id, not the UPN.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.PupilRecord")]
public sealed record PupilRecord(
    [property: Id(0)] string Upn,
    [property: Id(1)] string Initials,
    [property: Id(2)] DateOnly DateOfBirth,
    [property: Id(3)] int YearGroup,
    [property: Id(4)] string HomeSchoolUrn,
    [property: Id(5)] SenProvision SenProvision,
    [property: Id(6)] NeedType? PrimaryNeed,
    [property: Id(7)] bool LookedAfter);
