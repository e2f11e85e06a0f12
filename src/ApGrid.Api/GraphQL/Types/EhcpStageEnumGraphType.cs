using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class EhcpStageEnumGraphType : EnumerationGraphType<EhcpStage>
{
    public EhcpStageEnumGraphType() => Name = "EhcpStage";
}
