using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ExclusionDutyHolderEnumGraphType : EnumerationGraphType<ExclusionDutyHolder>
{
    public ExclusionDutyHolderEnumGraphType()
    {
        Name = "ExclusionDutyHolder";
        Description = "Who owes full-time education from the sixth school day: SCHOOL for a suspension of more than five school days, LOCAL_AUTHORITY after a permanent exclusion.";
    }
}
