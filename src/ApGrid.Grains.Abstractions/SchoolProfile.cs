namespace ApGrid.Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("ApGrid.SchoolProfile")]
public sealed record SchoolProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] Phase Phase,
    [property: Id(2)] Location Location)
{
    /// <summary>The day GIAS says the school closed; its pupils belong at its successor from then.</summary>
    [Id(3)] public DateOnly? ClosedOn { get; init; }

    /// <summary>Set when GIAS lists the school as closed, with or without a close date.</summary>
    [Id(4)] public bool Closed { get; init; }

    [Id(5)] public string? Ukprn { get; init; }

    [Id(6)] public string? Postcode { get; init; }
}
