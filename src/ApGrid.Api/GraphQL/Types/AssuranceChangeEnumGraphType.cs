using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class AssuranceChangeEnumGraphType : EnumerationGraphType<AssuranceChange>
{
    public AssuranceChangeEnumGraphType() => Name = "AssuranceChange";
}
