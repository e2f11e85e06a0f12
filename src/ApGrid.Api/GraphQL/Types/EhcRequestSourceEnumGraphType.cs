using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class EhcRequestSourceEnumGraphType : EnumerationGraphType<EhcRequestSource>
{
    public EhcRequestSourceEnumGraphType() => Name = "EhcRequestSource";
}
