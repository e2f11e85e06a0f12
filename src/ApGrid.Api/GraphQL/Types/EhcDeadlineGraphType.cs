using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class EhcDeadlineGraphType : ObjectGraphType<EhcDeadline>
{
    public EhcDeadlineGraphType()
    {
        Name = "EhcDeadline";
        Description = "One statutory deadline of an EHC case. The due day is in time; overdue from the next day while unmet.";
        Field<NonNullGraphType<EhcDeadlineKindEnumGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<DateGraphType>>("dueDate").Resolve(c => c.Source.DueOn);
        Field<DateGraphType>("metOn").Description("When it was met, on time or late; null while owed.").Resolve(c => c.Source.MetOn);
        Field<NonNullGraphType<BooleanGraphType>>("overdue").Resolve(c => c.Source.IsOverdueOn(c.Today()));
    }
}
