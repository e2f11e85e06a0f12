using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class AccessChangeKindEnumGraphType : EnumerationGraphType<AccessChangeKind>
{
    public AccessChangeKindEnumGraphType() => Name = "AccessChangeKind";
}
