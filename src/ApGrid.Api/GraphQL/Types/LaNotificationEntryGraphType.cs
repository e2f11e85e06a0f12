using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class LaNotificationEntryGraphType : ObjectGraphType<LaNotificationEntry>
{
    public LaNotificationEntryGraphType()
    {
        Name = "LaNotificationEntry";
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At);
        Field<NonNullGraphType<LaNotificationStepEnumGraphType>>("step").Resolve(c => c.Source.Step);
        Field<NonNullGraphType<StringGraphType>>("by").Resolve(c => c.Source.By);
        Field<StringGraphType>("note").Description("The LA's question, the school's answer, or a note with an acknowledgement or a change.").Resolve(c => c.Source.Note);
    }
}
