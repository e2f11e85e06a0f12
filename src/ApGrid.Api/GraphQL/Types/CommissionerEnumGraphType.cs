using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class CommissionerEnumGraphType : EnumerationGraphType<Commissioner>
{
    public CommissionerEnumGraphType() => Name = "Commissioner";
}
