using global::GraphQL;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>The mutations of provider profiles and quality assurance (<see cref="ProviderQueries"/>).</summary>
public static class ProviderMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<ApSettingGraphType>>("createApSetting")
            .Description("LA officers only: a new AP setting or non-school provider (no availability yet). Without urn, non-school AP gets the LA's reference.")
            .Argument<NonNullGraphType<ApSettingProfileInputGraphType>>("input").ResolveAsync(async c => await ProviderQueries.CreateSettingAsync(c));
        mutation.Field<NonNullGraphType<ApSettingGraphType>>("updateApSetting")
            .Description("LA officers only: what the setting is. Its availability and approval stay as they are.")
            .Argument<NonNullGraphType<ApSettingProfileInputGraphType>>("input").ResolveAsync(async c => await ProviderQueries.UpdateSettingAsync(c));
        mutation.Field<NonNullGraphType<SpecialSchoolGraphType>>("createSpecialSchool")
            .Description("LA officers only: a new special school under its DfE URN.")
            .Argument<NonNullGraphType<SpecialSchoolProfileInputGraphType>>("input").ResolveAsync(async c => await ProviderQueries.CreateSpecialSchoolAsync(c));
        mutation.Field<NonNullGraphType<SpecialSchoolGraphType>>("updateSpecialSchool")
            .Description("LA officers only: a special school's name, designations and location; places and the waiting list stay.")
            .Argument<NonNullGraphType<SpecialSchoolProfileInputGraphType>>("input").ResolveAsync(async c => await ProviderQueries.UpdateSpecialSchoolAsync(c));
        mutation.Field<NonNullGraphType<ApSettingGraphType>>("setApSettingContacts")
            .Description("The LA or the setting's own staff: its contacts, replacing what was there.")
            .Argument<NonNullGraphType<StringGraphType>>("urn")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<ProviderContactInputGraphType>>>>("contacts")
            .ResolveAsync(async c => await ProviderQueries.SetContactsAsync(c));
        mutation.Field<NonNullGraphType<ProviderAssuranceGraphType>>("recordDueDiligence")
            .Description("LA officers only: a new version of the provider's due diligence.")
            .Argument<NonNullGraphType<DueDiligenceInputGraphType>>("input").ResolveAsync(async c => await ProviderQueries.RecordDueDiligenceAsync(c));
        mutation.Field<NonNullGraphType<ProviderAssuranceGraphType>>("submitProviderEvidence")
            .Description("The provider's own staff or the LA: evidence dates (policies, insurance, risk assessments, DSL training) as a new version.")
            .Argument<NonNullGraphType<ProviderEvidenceInputGraphType>>("input").ResolveAsync(async c => await ProviderQueries.SubmitEvidenceAsync(c));
        mutation.Field<NonNullGraphType<ProviderAssuranceGraphType>>("decideProviderApproval")
            .Description("LA officers only: approve (until a day, default 12 months), approve with conditions, refuse or suspend, with a reason.")
            .Argument<NonNullGraphType<DecideProviderApprovalInputGraphType>>("input").ResolveAsync(async c => await ProviderQueries.DecideAsync(c));
        mutation.Field<NonNullGraphType<ProviderAssuranceGraphType>>("overrideProviderApproval")
            .Description("LA officers only: lets one pupil be placed at a non-school provider that is not approved; the reason is kept.")
            .Argument<NonNullGraphType<StringGraphType>>("urn")
            .Argument<NonNullGraphType<IdGraphType>>("pupilId")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async c => await ProviderQueries.OverrideAsync(c));
        mutation.Field<NonNullGraphType<ProviderAssuranceGraphType>>("extendNonSchoolPlacement")
            .Description("LA officers only: allows an active placement at the provider past the time limit until a day, with the review's reason.")
            .Argument<NonNullGraphType<StringGraphType>>("urn")
            .Argument<NonNullGraphType<IdGraphType>>("placementId")
            .Argument<NonNullGraphType<DateGraphType>>("until")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async c => await ProviderQueries.ExtendAsync(c));
    }
}
