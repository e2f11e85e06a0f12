using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Declared ahead of its workflow so the served schema already covers the contract; the workflow brings the source type and resolvers.</summary>
public sealed class WaitingListEntryGraphType : ObjectGraphType<object>
{
    public WaitingListEntryGraphType()
    {
        Name = "WaitingListEntry";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<PupilGraphType>>("pupil");
        Field<NonNullGraphType<SpecialSchoolGraphType>>("specialSchool");
        Field<NonNullGraphType<DateGraphType>>("addedOn");
        Field<IntGraphType>("position");
        Field<NonNullGraphType<WaitingStatusEnumGraphType>>("status");
        Field<NonNullGraphType<IntGraphType>>("daysWaiting");
        Field<NonNullGraphType<BooleanGraphType>>("waitingInAp");
    }
}
