using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ProviderContactInputGraphType : InputObjectGraphType
{
    public ProviderContactInputGraphType()
    {
        Name = "ProviderContactInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<StringGraphType>>("role");
        Field<StringGraphType>("email");
        Field<StringGraphType>("phone");
    }
}
