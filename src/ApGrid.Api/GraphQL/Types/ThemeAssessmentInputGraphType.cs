using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ThemeAssessmentInputGraphType : InputObjectGraphType
{
    public ThemeAssessmentInputGraphType()
    {
        Name = "ThemeAssessmentInput";
        Field<NonNullGraphType<StandardsThemeEnumGraphType>>("theme");
        Field<NonNullGraphType<ThemeJudgementEnumGraphType>>("judgement");
        Field<NonNullGraphType<StringGraphType>>("evidence");
    }
}
