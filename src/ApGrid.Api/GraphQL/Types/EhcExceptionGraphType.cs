using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class EhcExceptionGraphType : ObjectGraphType<EhcExceptionRecord>
{
    public EhcExceptionGraphType()
    {
        Name = "EhcException";
        Description = "An exception to an assessment time limit. The deadline stays on the tracker; the case leaves SEN2's timeliness figure.";
        Field<NonNullGraphType<EhcDeadlineKindEnumGraphType>>("deadline").Resolve(c => c.Source.Deadline);
        Field<NonNullGraphType<EhcExceptionKindEnumGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("regulation").Description("SEND Regulations 2014: 5(4), 10(4) or 13(3).")
            .Resolve(c => EhcLifecycle.ExceptionRegulation(c.Source.Deadline));
        Field<NonNullGraphType<DateGraphType>>("date").Resolve(c => c.Source.Date);
        Field<StringGraphType>("note").Resolve(c => c.Source.Note);
    }
}
