namespace ApGrid.Grains.Abstractions;

/// <summary>
/// The LA's figures as taken at <see cref="TakenAt"/> for everyone outside the LA, before disclosure
/// control (the API applies it): the report's figures, the attendance bands and SEN2's timeliness by year.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.PublishedReport")]
public sealed record PublishedReport(
    [property: Id(0)] DateTimeOffset TakenAt,
    [property: Id(1)] LaReportData Data,
    [property: Id(2)] IReadOnlyDictionary<AttendanceBand, int> AttendanceBands,
    [property: Id(3)] IReadOnlyDictionary<int, EhcTimelinessCounts> EhcpTimelinessByYear);
