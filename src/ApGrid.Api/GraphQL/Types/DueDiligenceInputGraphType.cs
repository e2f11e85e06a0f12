using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class DueDiligenceInputGraphType : InputObjectGraphType
{
    public DueDiligenceInputGraphType()
    {
        Name = "DueDiligenceInput";
        Description = "A whole new version of a provider's due diligence (LA officers only).";
        Field<NonNullGraphType<StringGraphType>>("urn");
        Field<StringGraphType>("dslName");
        Field<DateGraphType>("dslTrainedOn");
        Field<DateGraphType>("vettingConfirmedOn");
        Field<StringGraphType>("vettingConfirmedBy");
        Field<DateGraphType>("safeguardingPolicyOn");
        Field<DateGraphType>("behaviourPolicyOn");
        Field<DateGraphType>("insuranceExpires");
        Field<DateGraphType>("siteRiskAssessmentOn");
        Field<DateGraphType>("activityRiskAssessmentOn");
        Field<NonNullGraphType<BooleanGraphType>>("registeredSchool");
        Field<StringGraphType>("ofstedUrn");
        Field<StringGraphType>("ofstedJudgement");
        Field<DateGraphType>("ofstedJudgementOn");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VisitInputGraphType>>>>("visits");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConcernInputGraphType>>>>("concerns");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThemeAssessmentInputGraphType>>>>("themes");
    }
}
