using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class DueDiligenceGraphType : ObjectGraphType<DueDiligenceRecord>
{
    public DueDiligenceGraphType()
    {
        Name = "DueDiligence";
        Description = "The LA's due diligence on a provider, one version of it.";
        Field<StringGraphType>("dslName").Description("The designated safeguarding lead.").Resolve(c => c.Source.DslName);
        Field<DateGraphType>("dslTrainedOn").Resolve(c => c.Source.DslTrainedOn);
        Field<DateGraphType>("vettingConfirmedOn").Description("When the LA confirmed the single central record and enhanced DBS checks.").Resolve(c => c.Source.VettingConfirmedOn);
        Field<StringGraphType>("vettingConfirmedBy").Resolve(c => c.Source.VettingConfirmedBy);
        Field<DateGraphType>("safeguardingPolicyOn").Resolve(c => c.Source.SafeguardingPolicyOn);
        Field<DateGraphType>("behaviourPolicyOn").Resolve(c => c.Source.BehaviourPolicyOn);
        Field<DateGraphType>("insuranceExpires").Resolve(c => c.Source.InsuranceExpires);
        Field<DateGraphType>("siteRiskAssessmentOn").Resolve(c => c.Source.SiteRiskAssessmentOn);
        Field<DateGraphType>("activityRiskAssessmentOn").Resolve(c => c.Source.ActivityRiskAssessmentOn);
        Field<NonNullGraphType<BooleanGraphType>>("registeredSchool").Resolve(c => c.Source.RegisteredSchool);
        Field<StringGraphType>("ofstedUrn").Resolve(c => c.Source.OfstedUrn);
        Field<StringGraphType>("ofstedJudgement").Resolve(c => c.Source.OfstedJudgement);
        Field<DateGraphType>("ofstedJudgementOn").Resolve(c => c.Source.OfstedJudgementOn);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VisitGraphType>>>>("visits").Resolve(c => c.Source.Visits);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConcernGraphType>>>>("concerns").Resolve(c => c.Source.Concerns);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThemeAssessmentGraphType>>>>("themes").Resolve(c => c.Source.Themes);
    }
}
