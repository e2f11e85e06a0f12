namespace ApGrid.Grains.Abstractions;

/// <summary>
/// A suspension or permanent exclusion on the pupil's record, with the dates worked out from the
/// home school's calendar when it was recorded: day 6, who owes education from it, the last day of a
/// suspension and the days coded E. Reinstated (by the governing board, or withdrawn by the head)
/// ends it.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ExclusionRecord")]
public sealed record ExclusionRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] ExclusionKind Kind,
    [property: Id(2)] DateOnly StartDate,
    [property: Id(3)] int? Sessions,
    [property: Id(4)] ExclusionReason Reason,
    [property: Id(5)] DateOnly SixthDay,
    [property: Id(6)] ExclusionDutyHolder? DutyHolder,
    [property: Id(7)] DateOnly? LastDay,
    [property: Id(8)] IReadOnlyList<DateOnly> DaysCodedE,
    [property: Id(9)] string ExcludingSchoolUrn,
    [property: Id(10)] DateOnly RecordedOn,
    [property: Id(11)] DateOnly? ReinstatedOn = null)
{
    public bool Stands => ReinstatedOn is null;

    public Exclusion ToExclusion() => new(Kind, StartDate, Sessions, Reason);
}
