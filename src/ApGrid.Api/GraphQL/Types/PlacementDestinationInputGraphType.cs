using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class PlacementDestinationInputGraphType : InputObjectGraphType
{
    public PlacementDestinationInputGraphType()
    {
        Name = "PlacementDestinationInput";
        Field<NonNullGraphType<DestinationKindEnumGraphType>>("kind");
        Field<StringGraphType>("urn").Description("The school, special school or AP setting moved to.");
        Field<StringGraphType>("reason").Description("Required for MISSING_EDUCATION.");
    }
}
