namespace ApGrid.Domain;

/// <summary>
/// Special-school waiting lists. A place goes to the pupil who has waited longest unless the LA
/// records why not (a closer match of need, a sibling on roll): the reason is what makes an
/// out-of-turn offer accountable later.
/// </summary>
public static class WaitingListRules
{
    public const int MaxReasonLength = 500;

    /// <summary>
    /// Only a pupil with an EHC plan, or one the LA is assessing (decided to assess, plan not yet
    /// final) and has recorded it intends to name a special school for, can wait for a place: a
    /// request alone says nothing yet about the setting the pupil needs.
    /// </summary>
    public static DomainError? CheckEligible(SenProvision provision, EhcpStage? ehcpStage, bool planCeased, bool specialSchoolIntended) =>
        provision == SenProvision.EhcPlan
        || ehcpStage == EhcpStage.FinalIssued && !planCeased
        || ehcpStage is EhcpStage.Assessing or EhcpStage.DraftIssued && specialSchoolIntended
            ? null
            : DomainError.Conflict("pupilId", "Only a pupil with an EHC plan, or whose LA has decided to assess and recorded the intention to name a special school, can join a special-school waiting list.");

    /// <summary>
    /// A special school takes the needs it is designated for (a school with no designation takes
    /// any). A mismatch is refused unless the LA records why the place is right all the same.
    /// </summary>
    public static DomainError? CheckNeedMatch(NeedType? primaryNeed, IReadOnlyCollection<NeedType> designations, string? overrideReason)
    {
        ArgumentNullException.ThrowIfNull(designations);
        if (overrideReason is { Length: > MaxReasonLength }) return DomainError.Validation("overrideReason", $"overrideReason must be at most {MaxReasonLength} characters.");
        if (!string.IsNullOrWhiteSpace(overrideReason) || designations.Count == 0 || primaryNeed is { } need && designations.Contains(need)) return null;
        var designated = string.Join(", ", designations.Select(d => CensusCodes.ToCode(d)));
        return primaryNeed is { } primary
            ? DomainError.Conflict("specialSchoolUrn", $"The special school is designated for {designated}, not the pupil's primary need {CensusCodes.ToCode(primary)}; the LA may add the pupil with an overrideReason.")
            : DomainError.Conflict("specialSchoolUrn", $"The pupil has no primary need recorded to match the special school's designation ({designated}); record it, or the LA may add the pupil with an overrideReason.");
    }

    /// <summary>The list is ordered by this date, so it is bounded like any event: the API also keeps backdating beyond a few days to the LA.</summary>
    public static DomainError? ValidateAddedOn(DateOnly addedOn, DateOnly today) =>
        DateRanges.CheckHappened("addedOn", addedOn, today, backdateDays: 0, byLa: true);

    /// <summary>
    /// Whether an offer may go to an entry. Offers hold a place until answered, so the free places
    /// are those not taken and not already offered.
    /// </summary>
    public static DomainError? CheckOffer(WaitingStatus status, int placesFree, bool isFirstWaiting, string? reason)
    {
        if (status != WaitingStatus.Waiting)
        {
            return DomainError.Conflict("entryId", $"Only a waiting entry can be offered a place; this one is {ContractNames.Of(status)}.");
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
            : DomainError.Conflict("entryId", $"Only an offered entry can be answered; this one is {ContractNames.Of(status)}.");

    /// <summary>Whether an entry still counts as waiting for the report and the pupil's other lists.</summary>
    public static bool IsOpen(WaitingStatus status) => status is WaitingStatus.Waiting or WaitingStatus.Offered;

    /// <summary>Days from joining the list until it closed, or until today while it is open.</summary>
    public static int DaysWaiting(DateOnly addedOn, DateOnly? closedOn, DateOnly today) =>
        Math.Max(0, (closedOn ?? today).DayNumber - addedOn.DayNumber);
}
