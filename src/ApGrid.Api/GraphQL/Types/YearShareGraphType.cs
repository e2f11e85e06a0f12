using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class YearShareGraphType : ObjectGraphType<YearShareView>
{
    public YearShareGraphType()
    {
        Name = "YearShare";
        Field<NonNullGraphType<IntGraphType>>("yearGroup").Resolve(c => c.Source.YearGroup);
        Field<FloatGraphType>("percent").Resolve(c => c.Source.Percent);
    }
}
