using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ExclusionKindEnumGraphType : EnumerationGraphType<ExclusionKind>
{
    public ExclusionKindEnumGraphType() => Name = "ExclusionKind";
}
