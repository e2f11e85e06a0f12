using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ChangeActionEnumGraphType : EnumerationGraphType<ChangeAction>
{
    public ChangeActionEnumGraphType()
    {
        Name = "ChangeAction";
        Description = "What a change-feed entry reports: PLACEMENT_STARTED, REVIEW_OVERDUE and so on.";
    }
}
