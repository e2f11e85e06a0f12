namespace ApGrid.Grains.Abstractions;

/// <summary>
/// A placement as its pupil holds it. EndDate null means active. FullTime means it holds a
/// full-time place (all ten sessions); whether it is full-time education is counted in hours.
/// </summary>
[GenerateSerializer, Immutable, Alias("ApGrid.PlacementRecord")]
public sealed record PlacementRecord(
    [property: Id(0)] string PlacementId,
    [property: Id(1)] string ApUrn,
    [property: Id(2)] DateOnly StartDate,
    [property: Id(3)] DateOnly PlannedEndDate,
    [property: Id(4)] bool FullTime,
    [property: Id(5)] IReadOnlyList<Session> Sessions,
    [property: Id(6)] Registration ApRegistration,
    [property: Id(7)] DateOnly? EndDate,
    [property: Id(8)] string? ReferralId,
    [property: Id(9)] IReadOnlyList<string> Objectives,
    [property: Id(10)] int ReviewEveryWeeks,
    [property: Id(11)] IReadOnlyList<PlacementReviewRecord> Reviews,
    [property: Id(12)] PlacementOutcome? Outcome,
    [property: Id(13)] DateOnly? CheckInDue,
    [property: Id(14)] PlacementRoute Route = PlacementRoute.LaPanel,
    [property: Id(15)] PlacementNotice? Notice = null,
    [property: Id(16)] ApTier? Tier = null,
    [property: Id(17)] IReadOnlyList<PlacementChange>? Changes = null,
    [property: Id(18)] PlacementDestination? Destination = null,
    [property: Id(19)] ReintegrationPlan? Reintegration = null,
    [property: Id(20)] IReadOnlyList<ReintegrationCheckIn>? CheckIns = null,
    [property: Id(21)] string? TransferredFrom = null,
    [property: Id(22)] DateOnly? ConsentGivenOn = null,
    [property: Id(23)] string? ExclusionId = null,
    [property: Id(24)] IReadOnlyList<LaNotificationEntry>? LaNotification = null)
{
    public bool IsActive => EndDate is null;

    /// <summary>The sessions the pupil attends there: all ten for a full-time place.</summary>
    public IReadOnlyList<Session> BookedSessions => FullTime ? Domain.Sessions.All : Sessions;

    public IReadOnlyList<PlacementChange> ChangeList => Changes ?? [];

    public IReadOnlyList<ReintegrationCheckIn> CheckInList => CheckIns ?? [];

    /// <summary>Where the LA stands on the school's notification of this placement; null when the LA commissioned it.</summary>
    public LaNotificationStatus? LaNotificationStatus => LaNotification is [.., var last] ? LaNotificationRules.StatusAfter(last.Step) : null;

    /// <summary>The sessions booked on <paramref name="date"/>, from the dated changes (a phased return steps them down).</summary>
    public IReadOnlyList<Session> SessionsOn(DateOnly date)
    {
        var sessions = ChangeList.Count > 0 ? ChangeList[0].SessionsBefore : BookedSessions;
        foreach (var change in ChangeList)
        {
            if (change.EffectiveFrom <= date) sessions = change.SessionsAfter;
        }

        return sessions;
    }

    public bool RunsOn(DateOnly date) => StartDate <= date && (EndDate is not { } end || date <= end);
}
