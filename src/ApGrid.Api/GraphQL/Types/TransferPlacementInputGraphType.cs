using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class TransferPlacementInputGraphType : InputObjectGraphType
{
    public TransferPlacementInputGraphType()
    {
        Name = "TransferPlacementInput";
        Field<NonNullGraphType<IdGraphType>>("placementId");
        Field<NonNullGraphType<StringGraphType>>("toApUrn");
        Field<DateGraphType>("date").Description("The day the pupil moves; default today.");
        Field<ListGraphType<NonNullGraphType<SessionEnumGraphType>>>("sessions").Description("Default: the same sessions.");
        Field<BooleanGraphType>("fullTime");
    }
}
