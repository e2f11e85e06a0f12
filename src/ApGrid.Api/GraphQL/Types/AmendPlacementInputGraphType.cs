using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class AmendPlacementInputGraphType : InputObjectGraphType
{
    public AmendPlacementInputGraphType()
    {
        Name = "AmendPlacementInput";
        Field<NonNullGraphType<IdGraphType>>("placementId");
        Field<DateGraphType>("effectiveFrom").Description("Default today; no later than today.");
        Field<ListGraphType<NonNullGraphType<SessionEnumGraphType>>>("sessions");
        Field<BooleanGraphType>("fullTime");
        Field<DateGraphType>("plannedEndDate");
        Field<StringGraphType>("reason");
    }
}
