namespace ApGrid.Grains.Abstractions;

/// <summary>A pupil a setting expects on a day: their placement there and its sessions that fall on that day.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ExpectedPupil")]
public sealed record ExpectedPupil(
    [property: Id(0)] string PupilId,
    [property: Id(1)] string PlacementId,
    [property: Id(2)] string HomeSchoolUrn,
    [property: Id(3)] IReadOnlyList<Session> Sessions);
