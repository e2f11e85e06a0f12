using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class EhcExceptionKindEnumGraphType : EnumerationGraphType<EhcExceptionKind>
{
    public EhcExceptionKindEnumGraphType() => Name = "EhcExceptionKind";
}
