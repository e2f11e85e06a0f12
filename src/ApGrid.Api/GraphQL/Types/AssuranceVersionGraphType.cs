using ApGrid.Api.Auth;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class AssuranceVersionGraphType : ObjectGraphType<AssuranceVersion>
{
    public AssuranceVersionGraphType()
    {
        Name = "AssuranceVersion";
        Description = "One version of a provider's assurance record: what changed, who and when, and the record as it then stood.";
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At);
        Field<NonNullGraphType<StringGraphType>>("by").Description("The token's subject.").Resolve(c => c.Source.By);
        Field<NonNullGraphType<RoleEnumGraphType>>("role").Resolve(c => RoleNames.TryParse(c.Source.Role, out var role) ? role : (object?)null);
        Field<NonNullGraphType<AssuranceChangeEnumGraphType>>("change").Resolve(c => c.Source.Change);
        Field<StringGraphType>("note").Resolve(c => c.Source.Note);
        Field<NonNullGraphType<DueDiligenceGraphType>>("dueDiligence").Resolve(c => c.Source.DueDiligence);
        Field<ProviderDecisionGraphType>("decision").Resolve(c => c.Source.Decision);
    }
}
