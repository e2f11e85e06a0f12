using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class PlacementReviewGraphType : ObjectGraphType<PlacementReviewRecord>
{
    public PlacementReviewGraphType()
    {
        Name = "PlacementReview";
        Field<NonNullGraphType<DateGraphType>>("date").Resolve(c => c.Source.Date);
        Field<NonNullGraphType<FloatGraphType>>("attendancePercent").Resolve(c => c.Source.AttendancePercent);
        Field<NonNullGraphType<IntGraphType>>("suspensions").Resolve(c => c.Source.Suspensions);
        Field<NonNullGraphType<IntGraphType>>("participation").Resolve(c => c.Source.Participation);
        Field<NonNullGraphType<IntGraphType>>("wellbeing").Resolve(c => c.Source.Wellbeing);
        Field<StringGraphType>("notes").Resolve(c => c.Source.Notes);
    }
}
