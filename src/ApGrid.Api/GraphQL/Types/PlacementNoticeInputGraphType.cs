using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class PlacementNoticeInputGraphType : InputObjectGraphType
{
    public PlacementNoticeInputGraphType()
    {
        Name = "PlacementNoticeInput";
        Field<NonNullGraphType<DateGraphType>>("givenOn");
        Field<NonNullGraphType<StringGraphType>>("place");
        Field<NonNullGraphType<StringGraphType>>("times");
        Field<NonNullGraphType<StringGraphType>>("reportTo");
        Field<NonNullGraphType<StringGraphType>>("reviewArrangements");
        Field<DateGraphType>("copiedToLaOn");
    }
}
