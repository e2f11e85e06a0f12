using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class CapacityFilterInputGraphType : InputObjectGraphType
{
    public CapacityFilterInputGraphType()
    {
        Name = "CapacityFilter";
        Field<KeyStageEnumGraphType>("keyStage");
        Field<NeedTypeEnumGraphType>("need");
        Field<BooleanGraphType>("fullTime");
        Field<ListGraphType<NonNullGraphType<SessionEnumGraphType>>>("sessions");
        Field<BooleanGraphType>("registeredOnly");
        Field<IdGraphType>("nearPupil").NeverCached();
        Field<IntGraphType>("maxTravelMinutes");
        Field<BooleanGraphType>("hideOverUsualMaximum").Description("true: leave out settings beyond the usual maximum journey for the pupil's phase; needs nearPupil.");
    }
}
