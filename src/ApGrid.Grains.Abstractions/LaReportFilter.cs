namespace ApGrid.Grains.Abstractions;

/// <summary>
/// What a report reader asks for: the length-of-stay table for one entry cohort (academic year of
/// first entry, 2026 = 2026/27) and one kind of AP, and the day pupils in AP are counted on
/// (null: the January census day of the current academic year).
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.LaReportFilter")]
public sealed record LaReportFilter(
    [property: Id(0)] int? EntryCohort = null,
    [property: Id(1)] ApType? ApType = null,
    [property: Id(2)] DateOnly? CensusDate = null)
{
    public static readonly LaReportFilter None = new();
}
