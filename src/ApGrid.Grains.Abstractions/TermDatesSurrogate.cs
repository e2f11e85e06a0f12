namespace ApGrid.Grains.Abstractions;

/// <summary>The wire and storage form of the domain's <see cref="TermDates"/>.</summary>
[GenerateSerializer, Immutable, Alias("ApGrid.TermDatesSurrogate")]
public readonly record struct TermDatesSurrogate(
    [property: Id(0)] int AcademicYear,
    [property: Id(1)] List<HalfTerm> Terms,
    [property: Id(2)] List<DateOnly> InsetDays,
    [property: Id(3)] bool IsDefault);
