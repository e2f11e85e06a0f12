using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class WaitingStatusEnumGraphType : EnumerationGraphType<WaitingStatus>
{
    public WaitingStatusEnumGraphType() => Name = "WaitingStatus";
}
