using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ProviderContactGraphType : ObjectGraphType<ContactRecord>
{
    public ProviderContactGraphType()
    {
        Name = "ProviderContact";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("role").Resolve(c => c.Source.Role);
        Field<StringGraphType>("email").Resolve(c => c.Source.Email);
        Field<StringGraphType>("phone").Resolve(c => c.Source.Phone);
    }
}
