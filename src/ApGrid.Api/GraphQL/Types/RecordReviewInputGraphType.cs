using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Untyped so resolvers read it as a dictionary and can name the offending input field in VALIDATION errors.</summary>
public sealed class RecordReviewInputGraphType : InputObjectGraphType
{
    public RecordReviewInputGraphType()
    {
        Name = "RecordReviewInput";
        Field<NonNullGraphType<IdGraphType>>("placementId");
        Field<NonNullGraphType<DateGraphType>>("date");
        Field<NonNullGraphType<FloatGraphType>>("attendancePercent");
        Field<NonNullGraphType<IntGraphType>>("suspensions");
        Field<NonNullGraphType<IntGraphType>>("participation");
        Field<NonNullGraphType<IntGraphType>>("wellbeing");
        Field<StringGraphType>("notes");
    }
}
