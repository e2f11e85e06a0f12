namespace ApGrid.Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("ApGrid.OutreachAllocationRecord")]
public sealed record OutreachAllocationRecord(
    [property: Id(0)] string ApUrn,
    [property: Id(1)] double HoursPerWeek,
    [property: Id(2)] DateOnly StartsOn);
