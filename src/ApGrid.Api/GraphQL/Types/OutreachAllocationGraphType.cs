using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Declared ahead of its workflow so the served schema already covers the contract; the workflow brings the source type and resolvers.</summary>
public sealed class OutreachAllocationGraphType : ObjectGraphType<object>
{
    public OutreachAllocationGraphType()
    {
        Name = "OutreachAllocation";
        Field<NonNullGraphType<OutreachRequestGraphType>>("request");
        Field<NonNullGraphType<ApSettingGraphType>>("setting");
        Field<NonNullGraphType<FloatGraphType>>("hoursPerWeek");
        Field<NonNullGraphType<DateGraphType>>("startsOn");
    }
}
