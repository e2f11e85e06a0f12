namespace ApGrid.Grains.Abstractions;

/// <summary>A pupil's EHC needs assessment and, once issued, the plan: each step with its date.</summary>
/// <remarks>Lists are null in cases stored before they existed; read them through <see cref="ExceptionList"/> and <see cref="ReviewList"/>.</remarks>
[GenerateSerializer, Immutable, Alias("ApGrid.EhcpCaseRecord")]
public sealed record EhcpCaseRecord(
    [property: Id(0)] DateOnly RequestedOn,
    [property: Id(1)] EhcpStage Stage,
    [property: Id(2)] DateOnly? DecisionOn,
    [property: Id(3)] DateOnly? DraftIssuedOn,
    [property: Id(4)] DateOnly? FinalIssuedOn,
    [property: Id(5)] DateOnly LastDate,
    [property: Id(6)] EhcRequestSource? RequestSource = null,
    [property: Id(7)] DateOnly? NotIssuedOn = null,
    [property: Id(8)] IReadOnlyList<EhcExceptionRecord>? Exceptions = null,
    [property: Id(9)] IReadOnlyList<EhcAnnualReviewRecord>? Reviews = null,
    [property: Id(10)] DateOnly? CeasedOn = null,
    [property: Id(11)] EhcCeaseReason? CeaseReason = null,
    [property: Id(12)] DateOnly? SpecialSchoolIntendedOn = null)
{
    public IReadOnlyList<EhcExceptionRecord> ExceptionList => Exceptions ?? [];

    public IReadOnlyList<EhcAnnualReviewRecord> ReviewList => Reviews ?? [];

    /// <summary>SEN2 leaves a case with any recorded exception out of its timeliness figure.</summary>
    public bool ExcludedFromTimeliness => ExceptionList.Count > 0;

    public EhcCaseFacts Facts(DateOnly? dateOfBirth, int ncyOffset) => new(
        RequestedOn, Stage, DecisionOn, DraftIssuedOn, FinalIssuedOn, NotIssuedOn,
        [.. ReviewList.Select(r => new EhcReviewDates(r.MeetingOn, r.DecisionOn))], CeasedOn, dateOfBirth, ncyOffset);
}
