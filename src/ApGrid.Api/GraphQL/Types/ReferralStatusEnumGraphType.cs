using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ReferralStatusEnumGraphType : EnumerationGraphType<ReferralStatus>
{
    public ReferralStatusEnumGraphType() => Name = "ReferralStatus";
}
