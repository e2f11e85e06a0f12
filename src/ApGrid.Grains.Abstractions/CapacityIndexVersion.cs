namespace ApGrid.Grains.Abstractions;

/// <summary>
/// Names one state of an LA's capacity index: equal versions mean the same index. Epoch is new with
/// every activation of the LA grain, whose index is rebuilt then, so a version never repeats.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.CapacityIndexVersion")]
public readonly record struct CapacityIndexVersion(
    [property: Id(0)] Guid Epoch,
    [property: Id(1)] long Change);
