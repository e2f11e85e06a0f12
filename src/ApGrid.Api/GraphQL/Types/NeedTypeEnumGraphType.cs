using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class NeedTypeEnumGraphType : EnumerationGraphType<NeedType>
{
    public NeedTypeEnumGraphType() => Name = "NeedType";
}
