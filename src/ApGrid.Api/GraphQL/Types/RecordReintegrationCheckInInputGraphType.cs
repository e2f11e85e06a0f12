using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class RecordReintegrationCheckInInputGraphType : InputObjectGraphType
{
    public RecordReintegrationCheckInInputGraphType()
    {
        Name = "RecordReintegrationCheckInInput";
        Field<NonNullGraphType<IdGraphType>>("placementId");
        Field<NonNullGraphType<DateGraphType>>("date");
        Field<NonNullGraphType<ReintegrationOutcomeEnumGraphType>>("outcome");
        Field<StringGraphType>("notes");
    }
}
