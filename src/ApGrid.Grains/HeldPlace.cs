namespace ApGrid.Grains;

/// <summary>A place or set of sessions an AP setting holds for one placement.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.HeldPlace")]
public sealed record HeldPlace(
    [property: Id(0)] string PupilId,
    [property: Id(1)] bool FullTime,
    [property: Id(2)] IReadOnlyList<Session> Sessions,
    [property: Id(3)] bool OfCompulsorySchoolAge);
