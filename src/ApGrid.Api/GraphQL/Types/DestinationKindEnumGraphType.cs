using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class DestinationKindEnumGraphType : EnumerationGraphType<DestinationKind>
{
    public DestinationKindEnumGraphType() => Name = "DestinationKind";
}
