namespace ApGrid.Grains.Abstractions;

/// <summary>One correction made to a pupil's record: who, when, why, and the record before and after.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.PupilCorrection")]
public sealed record PupilCorrection(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string By,
    [property: Id(2)] string? Reason,
    [property: Id(3)] PupilRecord Before,
    [property: Id(4)] PupilRecord After);
