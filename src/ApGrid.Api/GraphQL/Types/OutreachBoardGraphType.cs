using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Declared ahead of its workflow so the served schema already covers the contract; the workflow brings the source type and resolvers.</summary>
public sealed class OutreachBoardGraphType : ObjectGraphType<object>
{
    public OutreachBoardGraphType()
    {
        Name = "OutreachBoard";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OutreachRequestGraphType>>>>("open");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OutreachAllocationGraphType>>>>("allocated");
        Field<NonNullGraphType<FloatGraphType>>("hoursAvailable");
        Field<NonNullGraphType<FloatGraphType>>("hoursAllocated");
    }
}
