using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class LaNotificationStepEnumGraphType : EnumerationGraphType<LaNotificationStep>
{
    public LaNotificationStepEnumGraphType()
    {
        Name = "LaNotificationStep";
        Description = "NOTIFIED with the placement, CHANGED when an acknowledged placement changed, then the LA's ACKNOWLEDGED or QUERIED and the school's ANSWERED.";
    }
}
