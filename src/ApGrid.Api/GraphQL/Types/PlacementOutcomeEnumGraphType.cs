using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class PlacementOutcomeEnumGraphType : EnumerationGraphType<PlacementOutcome>
{
    public PlacementOutcomeEnumGraphType() => Name = "PlacementOutcome";
}
