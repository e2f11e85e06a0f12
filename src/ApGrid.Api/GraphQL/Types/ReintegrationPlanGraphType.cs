using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ReintegrationPlanGraphType : ObjectGraphType<ReintegrationPlan>
{
    public ReintegrationPlanGraphType()
    {
        Name = "ReintegrationPlan";
        Field<NonNullGraphType<DateGraphType>>("targetDate").Resolve(c => c.Source.TargetDate);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("steps").Resolve(c => c.Source.Steps);
    }
}
