using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class NewApiKeyGraphType : ObjectGraphType<(ApiKeyRecord Key, string Value)>
{
    public NewApiKeyGraphType()
    {
        Name = "NewApiKey";
        Description = "A key just created or rotated. `secret` is shown this once: ApGrid keeps only its salted hash.";
        Field<NonNullGraphType<ApiKeyGraphType>>("key").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("secret").Description("The whole key to send as X-Api-Key (or apiKey in connection_init).").Resolve(c => c.Source.Value);
    }
}
