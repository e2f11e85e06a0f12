using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class PlacementDestinationGraphType : ObjectGraphType<PlacementDestination>
{
    public PlacementDestinationGraphType()
    {
        Name = "PlacementDestination";
        Field<NonNullGraphType<DestinationKindEnumGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<StringGraphType>("urn").Resolve(c => c.Source.Urn);
        Field<StringGraphType>("reason").Resolve(c => c.Source.Reason);
    }
}
