using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class RagEnumGraphType : EnumerationGraphType<Rag>
{
    public RagEnumGraphType() => Name = "Rag";
}
