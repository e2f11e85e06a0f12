using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Declared ahead of its workflow so the served schema already covers the contract; the workflow brings the source type and resolvers.</summary>
public sealed class PlacementReviewGraphType : ObjectGraphType<object>
{
    public PlacementReviewGraphType()
    {
        Name = "PlacementReview";
        Field<NonNullGraphType<DateGraphType>>("date");
        Field<NonNullGraphType<FloatGraphType>>("attendancePercent");
        Field<NonNullGraphType<IntGraphType>>("suspensions");
        Field<NonNullGraphType<IntGraphType>>("participation");
        Field<NonNullGraphType<IntGraphType>>("wellbeing");
        Field<StringGraphType>("notes");
    }
}
