using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ConcernInputGraphType : InputObjectGraphType
{
    public ConcernInputGraphType()
    {
        Name = "ProviderConcernInput";
        Field<NonNullGraphType<DateGraphType>>("raisedOn");
        Field<NonNullGraphType<StringGraphType>>("raisedBy");
        Field<NonNullGraphType<StringGraphType>>("summary");
        Field<DateGraphType>("resolvedOn");
        Field<StringGraphType>("resolution");
    }
}
