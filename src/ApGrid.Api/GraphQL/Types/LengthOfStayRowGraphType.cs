using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Declared ahead of its workflow so the served schema already covers the contract; the workflow brings the source type and resolvers.</summary>
public sealed class LengthOfStayRowGraphType : ObjectGraphType<object>
{
    public LengthOfStayRowGraphType()
    {
        Name = "LengthOfStayRow";
        Field<NonNullGraphType<IntGraphType>>("firstYearGroup");
        Field<IntGraphType>("pupils");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<YearShareGraphType>>>>("lastYearGroupShares");
    }
}
