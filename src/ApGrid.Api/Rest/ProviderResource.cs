using ApGrid.Api.GraphQL.Views;

namespace ApGrid.Api.Rest;

/// <summary>
/// A provider's profile and standing today, as GraphQL's ApSetting.standing gives it; Evidence (the
/// dates of its due diligence) only for the LA and the provider's own staff, null for everyone else.
/// </summary>
public sealed record ProviderResource(
    string Urn,
    string Name,
    string Type,
    string? Ukprn,
    bool LocalReference,
    string Status,
    string Rag,
    bool ApprovalRequired,
    bool Commissionable,
    DateOnly? ApprovedUntil,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<ProviderExpiryResource> Lapsed,
    IReadOnlyList<ProviderExpiryResource> ExpiringSoon,
    ProviderEvidenceResource? Evidence)
{
    public static ProviderResource From(ApCapacitySnapshot setting, ProviderStandingView standing, DueDiligenceRecord? record)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(standing);
        var s = standing.Standing;
        return new(
            setting.Urn, setting.Profile.Name, EnumNames<ApSettingType>.NameOf(setting.Profile.Type), setting.Profile.Ukprn, setting.Profile.LocalReference,
            EnumNames<ProviderStatus>.NameOf(s.Status), EnumNames<Rag>.NameOf(s.Rag), standing.ApprovalRequired, s.Commissionable, standing.Approval?.ApprovedUntil,
            s.Reasons, [.. s.Lapsed.Select(e => ProviderExpiryResource.From(e, standing.Today))], [.. s.ExpiringSoon.Select(e => ProviderExpiryResource.From(e, standing.Today))],
            record is null ? null : new ProviderEvidenceResource(
                record.DslName, record.DslTrainedOn, record.VettingConfirmedOn, record.SafeguardingPolicyOn, record.BehaviourPolicyOn, record.InsuranceExpires,
                record.SiteRiskAssessmentOn, record.ActivityRiskAssessmentOn, record.LastVisitOn));
    }
}
