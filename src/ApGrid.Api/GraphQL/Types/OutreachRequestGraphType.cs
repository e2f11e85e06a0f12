using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Declared ahead of its workflow so the served schema already covers the contract; the workflow brings the source type and resolvers.</summary>
public sealed class OutreachRequestGraphType : ObjectGraphType<object>
{
    public OutreachRequestGraphType()
    {
        Name = "OutreachRequest";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<SchoolGraphType>>("school");
        Field<PupilGraphType>("pupil");
        Field<NonNullGraphType<StringGraphType>>("reason");
        Field<NonNullGraphType<IntGraphType>>("suspensionsThisTerm");
        Field<NonNullGraphType<FloatGraphType>>("hoursRequested");
        Field<NonNullGraphType<DateGraphType>>("requestedOn");
        Field<OutreachAllocationGraphType>("allocation");
    }
}
