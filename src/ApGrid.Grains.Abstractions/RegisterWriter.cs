namespace ApGrid.Grains.Abstractions;

/// <summary>
/// Who records marks: the setting's own staff (any pupil placed there), or a home school's staff,
/// limited to the pupils on its roll (<see cref="OnlyPupilsOfSchool"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.RegisterWriter")]
public sealed record RegisterWriter(
    [property: Id(0)] string RecordedBy,
    [property: Id(1)] string? OnlyPupilsOfSchool);
