namespace ApGrid.Grains.Abstractions;

/// <summary>The agreed way back to the home school: a target date and the steps towards it.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ReintegrationPlan")]
public sealed record ReintegrationPlan(
    [property: Id(0)] DateOnly TargetDate,
    [property: Id(1)] IReadOnlyList<string> Steps);
