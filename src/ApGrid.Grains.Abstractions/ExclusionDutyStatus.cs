namespace ApGrid.Grains.Abstractions;

/// <summary>A sixth-day duty as of a day: whether a placement covers day 6, and whether it is overdue.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ExclusionDutyStatus")]
public sealed record ExclusionDutyStatus(
    [property: Id(0)] ExclusionDutyEntry Entry,
    [property: Id(1)] bool ProvisionRecorded,
    [property: Id(2)] bool Overdue);
