using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class HalfTermInputGraphType : InputObjectGraphType
{
    public HalfTermInputGraphType()
    {
        Name = "HalfTermInput";
        Field<NonNullGraphType<DateGraphType>>("startDate");
        Field<NonNullGraphType<DateGraphType>>("endDate");
    }
}
