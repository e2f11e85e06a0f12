using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class PlacementStatusEnumGraphType : EnumerationGraphType<PlacementStatus>
{
    public PlacementStatusEnumGraphType() => Name = "PlacementStatus";
}
