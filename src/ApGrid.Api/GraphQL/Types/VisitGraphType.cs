using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class VisitGraphType : ObjectGraphType<VisitRecord>
{
    public VisitGraphType()
    {
        Name = "ProviderVisit";
        Field<NonNullGraphType<DateGraphType>>("on").Resolve(c => c.Source.On);
        Field<NonNullGraphType<StringGraphType>>("by").Resolve(c => c.Source.By);
        Field<NonNullGraphType<StringGraphType>>("findings").Resolve(c => c.Source.Findings);
        Field<NonNullGraphType<RagEnumGraphType>>("rag").Resolve(c => c.Source.Rag);
    }
}
