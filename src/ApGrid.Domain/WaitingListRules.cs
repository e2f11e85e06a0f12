namespace ApGrid.Domain;

/// <summary>
/// Special-school waiting lists. A place goes to the pupil who has waited longest unless the LA
/// records why not (a closer match of need, a sibling on roll): the reason is what makes an
/// out-of-turn offer accountable later.
/// </summary>
public static class WaitingListRules
{
    public const int MaxReasonLength = 500;

    /// <summary>Only a pupil with an EHC plan, or an EHC needs assessment still under way, can wait for a special-school place.</summary>
    public static DomainError? CheckEligible(SenProvision provision, EhcpStage? ehcpStage) =>
        provision == SenProvision.EhcPlan || ehcpStage is { } stage && (EhcpRules.IsOpen(stage) || stage == EhcpStage.FinalIssued)
            ? null
            : DomainError.Conflict("pupilId", "Only a pupil with an EHC plan or an EHC needs assessment in progress can join a special-school waiting list.");

    public static DomainError? ValidateAddedOn(DateOnly addedOn, DateOnly today) =>
        addedOn > today ? DomainError.Validation("addedOn", "addedOn cannot be in the future.") : null;

    /// <summary>
    /// Whether an offer may go to an entry. Offers hold a place until answered, so the free places
    /// are those not taken and not already offered.
    /// </summary>
    public static DomainError? CheckOffer(WaitingStatus status, int placesFree, bool isFirstWaiting, string? reason)
    {
        if (status != WaitingStatus.Waiting)
        {
            return DomainError.Conflict("entryId", $"Only a waiting entry can be offered a place; this one is {status}.");
        }

        if (reason is { Length: > MaxReasonLength })
        {
            return DomainError.Validation("reason", $"reason must be at most {MaxReasonLength} characters.");
        }

        if (placesFree < 1)
        {
            return DomainError.CapacityExhausted("entryId", "The special school has no free place to offer.");
        }

        return isFirstWaiting || !string.IsNullOrWhiteSpace(reason)
            ? null
            : DomainError.Conflict("reason", "The place must go to the first waiting pupil unless the LA records a reason.");
    }

    public static DomainError? CheckResponse(WaitingStatus status) =>
        status == WaitingStatus.Offered
            ? null
            : DomainError.Conflict("entryId", $"Only an offered entry can be answered; this one is {status}.");

    /// <summary>Whether an entry still counts as waiting for the report and the pupil's other lists.</summary>
    public static bool IsOpen(WaitingStatus status) => status is WaitingStatus.Waiting or WaitingStatus.Offered;

    /// <summary>Days from joining the list until it closed, or until today while it is open.</summary>
    public static int DaysWaiting(DateOnly addedOn, DateOnly? closedOn, DateOnly today) =>
        Math.Max(0, (closedOn ?? today).DayNumber - addedOn.DayNumber);
}
