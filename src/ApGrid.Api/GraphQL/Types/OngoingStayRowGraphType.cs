using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class OngoingStayRowGraphType : ObjectGraphType<OngoingStayRowView>
{
    public OngoingStayRowGraphType()
    {
        Name = "OngoingStayRow";
        Description = "Pupils who first entered AP in this year group and have not left it yet.";
        Field<NonNullGraphType<IntGraphType>>("firstYearGroup").Resolve(c => c.Source.FirstYearGroup);
        Field<IntGraphType>("pupils").Resolve(c => c.Source.Pupils);
    }
}
