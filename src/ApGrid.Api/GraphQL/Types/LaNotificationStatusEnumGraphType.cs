using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class LaNotificationStatusEnumGraphType : EnumerationGraphType<LaNotificationStatus>
{
    public LaNotificationStatusEnumGraphType()
    {
        Name = "LaNotificationStatus";
        Description = "Where the LA stands on a placement a school told it about.";
    }
}
