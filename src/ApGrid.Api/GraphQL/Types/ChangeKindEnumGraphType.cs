using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ChangeKindEnumGraphType : EnumerationGraphType<ChangeKind>
{
    public ChangeKindEnumGraphType() => Name = "ChangeKind";
}
