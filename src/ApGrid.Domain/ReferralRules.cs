namespace ApGrid.Domain;

/// <summary>
/// What a referral must contain before the panel sees it, what a panel decision must record,
/// and which status changes the referral lifecycle allows.
/// </summary>
public static class ReferralRules
{
    public const int MaxReasonLength = 2000;

    public const int MaxStrategyLength = 500;

    public const int MaxStrategies = 20;

    public const int MinPanelMembers = 2;

    /// <summary>
    /// AP is meant to follow support the school has already tried, so a referral that lists
    /// no strategies is incomplete rather than merely thin.
    /// </summary>
    /// <remarks>Lengths are measured after trimming so padding cannot pass off an empty answer or push a real one over the limit.</remarks>
    public static DomainError? ValidateSubmission(string? reason, IReadOnlyList<string>? strategiesTried)
    {
        var reasonLength = reason?.Trim().Length ?? 0;
        if (reasonLength is < 1 or > MaxReasonLength)
        {
            return DomainError.Validation(
                "reason",
                $"reason must be 1 to {MaxReasonLength} characters, not {reasonLength}.");
        }

        if (strategiesTried is null || strategiesTried.Count == 0)
        {
            return DomainError.Validation(
                "strategiesTried",
                "List at least one strategy the school has already tried.");
        }

        if (strategiesTried.Count > MaxStrategies)
        {
            return DomainError.Validation(
                "strategiesTried",
                $"List at most {MaxStrategies} strategies, not {strategiesTried.Count}.");
        }

        for (var i = 0; i < strategiesTried.Count; i++)
        {
            var length = strategiesTried[i]?.Trim().Length ?? 0;
            if (length is < 1 or > MaxStrategyLength)
            {
                return DomainError.Validation(
                    "strategiesTried",
                    $"Strategy {i + 1} must be 1 to {MaxStrategyLength} characters, not {length}.");
            }
        }

        return null;
    }

    /// <summary>
    /// A decision must be traceable to a panel, not one officer, and dated within the life of
    /// the referral.
    /// </summary>
    /// <remarks>
    /// Names are compared trimmed and case-insensitively, because "J Smith" entered twice is
    /// still one person and would defeat the point of requiring a panel.
    /// </remarks>
    public static DomainError? ValidateDecision(
        IReadOnlyList<string>? panelMembers, DateOnly decidedOn, DateOnly submittedOn, DateOnly today)
    {
        if (panelMembers is null || panelMembers.Any(string.IsNullOrWhiteSpace))
        {
            return DomainError.Validation("panelMembers", "Every panel member needs a name.");
        }

        var distinct = panelMembers.Select(m => m.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        if (distinct < MinPanelMembers)
        {
            return DomainError.Validation(
                "panelMembers",
                $"A panel decision needs at least {MinPanelMembers} different members, not {distinct}.");
        }

        if (decidedOn < submittedOn)
        {
            return DomainError.Validation(
                "decidedOn",
                $"decidedOn ({decidedOn:yyyy-MM-dd}) cannot be before the referral was submitted ({submittedOn:yyyy-MM-dd}).");
        }

        return decidedOn > today
            ? DomainError.Validation("decidedOn", $"decidedOn ({decidedOn:yyyy-MM-dd}) cannot be in the future.")
            : null;
    }

    /// <summary>
    /// A placement starts from a referral only once the panel approved it and, where the LA's
    /// policy asks for consent (<paramref name="consentRequired"/>), consent allows the start date.
    /// </summary>
    public static DomainError? CheckAllowsStart(
        SchoolCalendar calendar, ReferralStatus status, bool parentalConsent, DateOnly? consentNoticeGivenOn, DateOnly startDate, bool consentRequired = true) => status switch
    {
        ReferralStatus.Approved => consentRequired ? ConsentRules.CheckStart(calendar, parentalConsent, consentNoticeGivenOn, startDate) : null,
        ReferralStatus.Submitted => DomainError.Conflict("referralId", "The referral has not been approved by the panel."),
        _ => DomainError.Conflict("referralId", $"A placement cannot start from a {status} referral."),
    };

    /// <summary>
    /// DECLINED, WITHDRAWN and PLACED are final: a new need means a new referral, so the panel's
    /// record of what it decided, and why, is never rewritten.
    /// </summary>
    public static bool CanTransition(ReferralStatus from, ReferralStatus to) => (from, to) switch
    {
        (ReferralStatus.Submitted, ReferralStatus.Approved or ReferralStatus.Declined or ReferralStatus.Withdrawn) => true,
        (ReferralStatus.Approved, ReferralStatus.Placed or ReferralStatus.Withdrawn) => true,
        _ => false,
    };

    /// <summary>A refused transition is a Conflict, not a Validation error: the request was well formed but the referral has moved on.</summary>
    public static DomainError? CheckTransition(ReferralStatus from, ReferralStatus to) =>
        CanTransition(from, to)
            ? null
            : DomainError.Conflict(
                "referralId",
                $"A referral cannot move from {Name(from)} to {Name(to)}.");

    // Upper case matches the GraphQL enum values clients see.
    private static string Name(ReferralStatus status) => status.ToString().ToUpperInvariant();
}
