using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class SetApAvailabilityInputGraphType : InputObjectGraphType
{
    public SetApAvailabilityInputGraphType()
    {
        Name = "SetApAvailabilityInput";
        Field<NonNullGraphType<StringGraphType>>("urn");
        Field<NonNullGraphType<IntGraphType>>("fullTimePlaces");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionPlacesInputGraphType>>>>("sessions");
        Field<NonNullGraphType<FloatGraphType>>("outreachHoursPerWeek");
    }
}
