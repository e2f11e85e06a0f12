namespace ApGrid.Grains.Abstractions;

/// <summary>
/// What retention did, or in a dry run would do, to one pupil: the kinds of record removed with how
/// many records each held, the kinds past their period but kept because a record is open, and
/// whether the pupil was erased altogether.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.RetentionOutcome")]
public sealed record RetentionOutcome(
    [property: Id(0)] string PupilId,
    [property: Id(1)] IReadOnlyDictionary<RetainedRecordKind, int> Removed,
    [property: Id(2)] IReadOnlyList<RetainedRecordKind> Held,
    [property: Id(3)] bool Erased,
    [property: Id(4)] bool DryRun);
