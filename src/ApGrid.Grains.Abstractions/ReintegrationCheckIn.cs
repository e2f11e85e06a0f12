namespace ApGrid.Grains.Abstractions;

/// <summary>The follow-up after a return to school, and how the return is holding.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.ReintegrationCheckIn")]
public sealed record ReintegrationCheckIn(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] ReintegrationOutcome Outcome,
    [property: Id(2)] string? Notes);
