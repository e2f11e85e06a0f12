using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class ConcernGraphType : ObjectGraphType<ConcernRecord>
{
    public ConcernGraphType()
    {
        Name = "ProviderConcern";
        Field<NonNullGraphType<DateGraphType>>("raisedOn").Resolve(c => c.Source.RaisedOn);
        Field<NonNullGraphType<StringGraphType>>("raisedBy").Resolve(c => c.Source.RaisedBy);
        Field<NonNullGraphType<StringGraphType>>("summary").Resolve(c => c.Source.Summary);
        Field<DateGraphType>("resolvedOn").Resolve(c => c.Source.ResolvedOn);
        Field<StringGraphType>("resolution").Resolve(c => c.Source.Resolution);
    }
}
