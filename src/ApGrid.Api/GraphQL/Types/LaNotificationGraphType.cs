using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>The school's notification of a placement it commissioned, read from the placement's history of steps.</summary>
public sealed class LaNotificationGraphType : ObjectGraphType<IReadOnlyList<LaNotificationEntry>>
{
    public LaNotificationGraphType()
    {
        Name = "LaNotification";
        Description = "A school tells the LA about every placement it commissions; the LA acknowledges or queries it.";
        Field<NonNullGraphType<LaNotificationStatusEnumGraphType>>("status").Resolve(c => LaNotificationRules.StatusAfter(c.Source[^1].Step));
        Field<NonNullGraphType<DateTimeGraphType>>("notifiedAt").Resolve(c => c.Source[0].At);
        Field<StringGraphType>("openQuestion")
            .Description("The LA's question while the notification is QUERIED.")
            .Resolve(c => c.Source[^1].Step == LaNotificationStep.Queried ? c.Source[^1].Note : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LaNotificationEntryGraphType>>>>("history").Resolve(c => c.Source);
    }
}
