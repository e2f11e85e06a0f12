using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class LengthOfStayRowGraphType : ObjectGraphType<LengthOfStayRowView>
{
    public LengthOfStayRowGraphType()
    {
        Name = "LengthOfStayRow";
        Field<NonNullGraphType<IntGraphType>>("firstYearGroup").Resolve(c => c.Source.FirstYearGroup);
        Field<IntGraphType>("pupils").Resolve(c => c.Source.Pupils);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<YearShareGraphType>>>>("lastYearGroupShares").Resolve(c => c.Source.LastYearGroupShares);
    }
}
