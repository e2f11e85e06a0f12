using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class VisitInputGraphType : InputObjectGraphType
{
    public VisitInputGraphType()
    {
        Name = "ProviderVisitInput";
        Field<NonNullGraphType<DateGraphType>>("on");
        Field<NonNullGraphType<StringGraphType>>("by");
        Field<NonNullGraphType<StringGraphType>>("findings");
        Field<NonNullGraphType<RagEnumGraphType>>("rag");
    }
}
