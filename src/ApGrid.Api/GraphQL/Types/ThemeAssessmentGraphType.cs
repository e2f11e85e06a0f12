using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ThemeAssessmentGraphType : ObjectGraphType<ThemeAssessmentRecord>
{
    public ThemeAssessmentGraphType()
    {
        Name = "ThemeAssessment";
        Description = "The LA's assessment against one theme of the national standards for non-school AP.";
        Field<NonNullGraphType<StandardsThemeEnumGraphType>>("theme").Resolve(c => c.Source.Theme);
        Field<NonNullGraphType<ThemeJudgementEnumGraphType>>("judgement").Resolve(c => c.Source.Judgement);
        Field<NonNullGraphType<StringGraphType>>("evidence").Resolve(c => c.Source.Evidence);
    }
}
