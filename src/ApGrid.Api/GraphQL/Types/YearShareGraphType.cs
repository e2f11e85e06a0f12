using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Declared ahead of its workflow so the served schema already covers the contract; the workflow brings the source type and resolvers.</summary>
public sealed class YearShareGraphType : ObjectGraphType<object>
{
    public YearShareGraphType()
    {
        Name = "YearShare";
        Field<NonNullGraphType<IntGraphType>>("yearGroup");
        Field<FloatGraphType>("percent");
    }
}
