using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ExpiryItemEnumGraphType : EnumerationGraphType<ExpiryItem>
{
    public ExpiryItemEnumGraphType() => Name = "ExpiryItem";
}
