namespace ApGrid.Grains.Abstractions;

/// <summary>
/// The LA's running placement aggregates as of a date, before any suppression. Counts are keyed as
/// the contract's report shows them. <see cref="LengthOfStay"/> holds finished stays only, for
/// <see cref="EntryCohort"/> and <see cref="ApType"/> when given; <see cref="OngoingStays"/> (first
/// year group → pupils still in AP) the rest. <see cref="PupilsInApByTypeAndAge"/> is counted on
/// <see cref="CensusDate"/>, ages up to 4 under <see cref="SchoolCensus.FourAndUnder"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.LaReportData")]
public sealed record LaReportData(
    [property: Id(0)] DateOnly AsOf,
    [property: Id(1)] IReadOnlyDictionary<int, int> PupilsInApByAge,
    [property: Id(2)] int FullTime,
    [property: Id(3)] int PartTime,
    [property: Id(4)] IReadOnlyDictionary<PlacementOutcome, int> Outcomes,
    [property: Id(5)] IReadOnlyDictionary<int, IReadOnlyDictionary<int, int>> LengthOfStay,
    [property: Id(6)] int EhcpFinalIssued = 0,
    [property: Id(7)] int EhcpIssuedWithin20Weeks = 0,
    [property: Id(8)] int? SpecialSchoolWaitMedianDays = null,
    [property: Id(9)] int? SpecialSchoolWaitP90Days = null,
    [property: Id(10)] int PupilsWaitingInAp = 0,
    [property: Id(11)] double OutreachHoursAllocated = 0,
    [property: Id(12)] int PupilsWaiting = 0,
    [property: Id(20)] IReadOnlyDictionary<int, int>? OngoingStays = null,
    [property: Id(21)] IReadOnlyDictionary<ApType, IReadOnlyDictionary<int, int>>? PupilsInApByTypeAndAge = null,
    [property: Id(22)] DateOnly? CensusDate = null,
    [property: Id(23)] int? EntryCohort = null,
    [property: Id(24)] ApType? ApType = null,
    [property: Id(30)] IReadOnlyDictionary<string, int>? PlacementsByTier = null);
