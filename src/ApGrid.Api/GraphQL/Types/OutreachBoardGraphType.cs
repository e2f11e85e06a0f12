using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class OutreachBoardGraphType : ObjectGraphType<OutreachBoardView>
{
    public OutreachBoardGraphType()
    {
        Name = "OutreachBoard";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OutreachRequestGraphType>>>>("open").Resolve(c => c.Source.Open);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OutreachAllocationGraphType>>>>("allocated").Resolve(c => c.Source.Allocated);
        Field<NonNullGraphType<FloatGraphType>>("hoursAvailable").Resolve(c => c.Source.HoursAvailable);
        Field<NonNullGraphType<FloatGraphType>>("hoursAllocated").Resolve(c => c.Source.HoursAllocated);
        this.AddConnectionFor<OutreachRequestGraphType>("open");
    }
}
