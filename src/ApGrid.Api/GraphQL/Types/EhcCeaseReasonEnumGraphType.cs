using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class EhcCeaseReasonEnumGraphType : EnumerationGraphType<EhcCeaseReason>
{
    public EhcCeaseReasonEnumGraphType() => Name = "EhcCeaseReason";
}
