namespace ApGrid.Grains.Abstractions;

[GenerateSerializer, Immutable, Alias("ApGrid.SpecialSchoolProfile")]
public sealed record SpecialSchoolProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<NeedType> Designations,
    [property: Id(2)] Location Location)
{
    /// <summary>The day GIAS says the school closed (the GIAS import's to set; an LA edit keeps it).</summary>
    [Id(3)] public DateOnly? ClosedOn { get; init; }

    [Id(4)] public bool Closed { get; init; }

    [Id(5)] public string? Ukprn { get; init; }

    [Id(6)] public string? Postcode { get; init; }
}
