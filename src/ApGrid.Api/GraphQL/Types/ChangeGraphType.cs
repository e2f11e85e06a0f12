using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ChangeGraphType : ObjectGraphType<ChangeEntry>
{
    public ChangeGraphType()
    {
        Name = "Change";
        Description = "One entry of the tenant's change feed. cursor is strictly increasing within a tenant.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => ChangeCursor.Format(c.Source.Sequence));
        Field<NonNullGraphType<ChangeKindEnumGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At);
        Field<NonNullGraphType<StringGraphType>>("subjectId").Resolve(c => c.Source.SubjectId);
    }
}
