using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class AccessChangeGraphType : ObjectGraphType<AccessChange>
{
    public AccessChangeGraphType()
    {
        Name = "AccessChange";
        Description = "One entry of the LA's access history: a grant made, changed or revoked. Entries are never changed or removed.";
        Field<NonNullGraphType<IntGraphType>>("sequence").Resolve(c => (int)c.Source.Sequence);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At);
        Field<NonNullGraphType<StringGraphType>>("by").Description("The administrator, by email or subject.").Resolve(c => c.Source.By);
        Field<NonNullGraphType<AccessChangeKindEnumGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<AccessGrantGraphType>>("grant").Description("The grant as it was made, or as it stood when revoked.").Resolve(c => c.Source.Grant);
    }
}
