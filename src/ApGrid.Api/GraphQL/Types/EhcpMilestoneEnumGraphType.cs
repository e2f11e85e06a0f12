using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class EhcpMilestoneEnumGraphType : EnumerationGraphType<EhcpMilestone>
{
    public EhcpMilestoneEnumGraphType() => Name = "EhcpMilestone";
}
