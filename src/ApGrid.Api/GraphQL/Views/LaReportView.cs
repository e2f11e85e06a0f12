namespace ApGrid.Api.GraphQL.Views;

/// <summary>
/// The report as one caller may see it: disclosure control already applied. Enum values are spelt as
/// GraphQL spells them. <see cref="PublishedAt"/> is when the figures were taken for callers outside
/// the LA; null for the LA's live figures.
/// </summary>
public sealed record LaReportView(
    DateOnly AsOf,
    IReadOnlyList<CountView> PupilsInApByAge,
    IReadOnlyList<CountView> PupilsInApByAttendance,
    IReadOnlyList<CountView> Outcomes,
    IReadOnlyList<LengthOfStayRowView> LengthOfStay,
    double? EhcpIssuedWithin20WeeksPercent,
    int? EhcpFinalIssued,
    int? SpecialSchoolWaitMedianDays,
    int? SpecialSchoolWaitP90Days,
    int? PupilsWaitingInAp,
    double OutreachHoursAllocated,
    int? EntryCohort,
    string? ApType,
    IReadOnlyList<OngoingStayRowView> OngoingStays,
    DateOnly CensusDate,
    IReadOnlyList<ApTypeCountsView> PupilsInApByAgeAndType,
    IReadOnlyList<CountView> PlacementsByTier,
    IReadOnlyList<CountView> PupilsInApByAttendanceBand,
    DateTimeOffset? PublishedAt = null);
