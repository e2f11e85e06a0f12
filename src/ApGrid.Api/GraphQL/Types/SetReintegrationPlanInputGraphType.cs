using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class SetReintegrationPlanInputGraphType : InputObjectGraphType
{
    public SetReintegrationPlanInputGraphType()
    {
        Name = "SetReintegrationPlanInput";
        Field<NonNullGraphType<IdGraphType>>("placementId");
        Field<NonNullGraphType<DateGraphType>>("targetDate");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("steps");
    }
}
