using ApGrid.Api.Auth;

namespace ApGrid.Api.GraphQL.Views;

/// <summary>A provider's standing on a day as one caller may see it.</summary>
public sealed record ProviderStandingView(ProviderStanding Standing, DateOnly Today, ProviderApproval? Approval, bool ApprovalRequired)
{
    /// <summary>
    /// Today's standing of a setting. The LA and the provider's own staff see the decision's reason;
    /// everyone else (schools, partners, other providers) the status and dates only, because a
    /// suspension's reason may tell of a concern.
    /// </summary>
    public static ProviderStandingView Of(ApCapacitySnapshot setting, Caller caller, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(caller);
        var evidence = setting.Profile.Approval?.ToEvidence();
        if (evidence is not null && !MaySeeReasons(caller, setting.Urn)) evidence = evidence with { Reason = null };
        return new(
            ProviderStandingRules.Evaluate(evidence, today, setting.Profile.Approval?.AlertDaysBefore ?? AssurancePolicy.Default.AlertDaysBefore), today, setting.Profile.Approval,
            ApTypes.Of(setting.Profile.Type) == ApType.NonSchool);
    }

    public static bool MaySeeReasons(Caller caller, string urn)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsLaOfficer || caller.ActsFor(Role.ApStaff, urn);
    }
}
