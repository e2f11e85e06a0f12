using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ThemeJudgementEnumGraphType : EnumerationGraphType<ThemeJudgement>
{
    public ThemeJudgementEnumGraphType() => Name = "ThemeJudgement";
}
