using System.Globalization;

namespace ApGrid.Domain;

/// <summary>
/// The approved register's rules: a provider's standing on a day from the LA's decision and dated
/// evidence, the alerts owed, and the approved-only commissioning rule for non-school AP.
/// </summary>
public static class ProviderStandingRules
{
    /// <summary>The rule's name as refusals give it, so a caseworker can look it up.</summary>
    public const string ApprovedOnlyRule = "APPROVED_PROVIDERS_ONLY";

    /// <summary>
    /// Suspended and not-approved decisions stand as they are. An approval is red from the day
    /// after any part lapsed, amber with conditions or with a part lapsing within
    /// <paramref name="alertDays"/>, otherwise green.
    /// </summary>
    public static ProviderStanding Evaluate(ProviderEvidence? evidence, DateOnly today, int alertDays)
    {
        evidence ??= ProviderEvidence.None;
        ArgumentOutOfRangeException.ThrowIfNegative(alertDays);
        switch (evidence.Decision)
        {
            case ProviderDecision.NotDecided:
                return Red(ProviderStatus.NotApproved, "Not yet assessed by the LA.");
            case ProviderDecision.NotApproved:
                return Red(ProviderStatus.NotApproved, "Not approved by the LA" + Because(evidence.Reason));
            case ProviderDecision.Suspended:
                return Red(ProviderStatus.Suspended, "Suspended by the LA" + Because(evidence.Reason));
        }

        var lapsed = evidence.Expiries.Where(e => e.ValidUntil < today).ToList();
        var soon = evidence.Expiries.Where(e => e.ValidUntil >= today && e.ValidUntil.DayNumber - today.DayNumber <= alertDays).ToList();
        if (lapsed.Count > 0)
        {
            return new(ProviderStatus.Expired, Rag.Red, [.. lapsed.Select(e => Describe(e, today))], lapsed, soon);
        }

        var conditions = evidence.Decision == ProviderDecision.ApprovedWithConditions;
        var reasons = soon.Select(e => Describe(e, today)).ToList();
        if (conditions) reasons.Insert(0, "Approved with conditions" + Because(evidence.Reason));
        return new(
            conditions ? ProviderStatus.ApprovedWithConditions : ProviderStatus.Approved,
            conditions || soon.Count > 0 ? Rag.Amber : Rag.Green,
            reasons,
            [],
            soon);
    }

    /// <summary>
    /// A placement at a non-school provider only when it is approved today, unless the LA recorded
    /// an override for this pupil; registered schools are outside the rule.
    /// </summary>
    public static DomainError? CheckCommissioning(string providerName, ApSettingType type, ProviderStanding standing, bool overridden)
    {
        ArgumentNullException.ThrowIfNull(standing);
        if (ApTypes.Of(type) != ApType.NonSchool || standing.Commissionable || overridden) return null;
        return DomainError.Validation(
            "apUrn",
            $"{ApprovedOnlyRule}: {providerName} is non-school AP and is not on the LA's approved register ({string.Join(" ", standing.Reasons)}) "
            + "The LA may override for this pupil with a recorded reason.");
    }

    /// <summary>"Insurance expired on 2026-12-01." / "Insurance expires on 2026-12-01 (in 5 days)."</summary>
    public static string Describe(ProviderExpiry expiry, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(expiry);
        var what = expiry.Item switch
        {
            ExpiryItem.Approval => "Approval",
            ExpiryItem.Insurance => "Insurance",
            ExpiryItem.VettingConfirmation => "Confirmation of DBS checks and the single central record",
            _ => "The LA's last visit",
        };
        if (expiry.ValidUntil == DateOnly.MinValue) return $"{what}: none recorded.";
        var date = expiry.ValidUntil.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var days = expiry.ValidUntil.DayNumber - today.DayNumber;
        return days < 0 ? $"{what} lapsed after {date}." : $"{what} lapses after {date} (in {days} days).";
    }

    // A decision's reason may tell of a concern; callers who may not see concerns evaluate without it.
    private static string Because(string? reason) => reason is null ? "." : ": " + reason.TrimEnd('.') + ".";

    private static ProviderStanding Red(ProviderStatus status, string reason) => new(status, Rag.Red, [reason], [], []);
}
