using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ProviderEvidenceInputGraphType : InputObjectGraphType
{
    public ProviderEvidenceInputGraphType()
    {
        Name = "ProviderEvidenceInput";
        Description = "Evidence dates a provider's own staff (or the LA) send; fields left out stay as they are. Vetting confirmation, visits, concerns, themes and the decision are the LA's.";
        Field<NonNullGraphType<StringGraphType>>("urn");
        Field<StringGraphType>("dslName");
        Field<DateGraphType>("dslTrainedOn");
        Field<DateGraphType>("safeguardingPolicyOn");
        Field<DateGraphType>("behaviourPolicyOn");
        Field<DateGraphType>("insuranceExpires");
        Field<DateGraphType>("siteRiskAssessmentOn");
        Field<DateGraphType>("activityRiskAssessmentOn");
    }
}
