using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class TravelOriginEnumGraphType : EnumerationGraphType<TravelOrigin>
{
    public TravelOriginEnumGraphType() => Name = "TravelOrigin";
}
