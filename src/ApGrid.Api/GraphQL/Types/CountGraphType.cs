using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class CountGraphType : ObjectGraphType<CountView>
{
    public CountGraphType()
    {
        Name = "Count";
        Field<NonNullGraphType<StringGraphType>>("key").Resolve(c => c.Source.Key);
        Field<IntGraphType>("count").Resolve(c => c.Source.Count);
    }
}
