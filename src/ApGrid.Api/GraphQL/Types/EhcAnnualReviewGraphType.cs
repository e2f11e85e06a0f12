using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class EhcAnnualReviewGraphType : ObjectGraphType<EhcAnnualReviewRecord>
{
    public EhcAnnualReviewGraphType()
    {
        Name = "EhcAnnualReview";
        Field<NonNullGraphType<DateGraphType>>("meetingOn").Resolve(c => c.Source.MeetingOn);
        Field<NonNullGraphType<EhcReviewRecommendationEnumGraphType>>("recommendation").Resolve(c => c.Source.Recommendation);
        Field<NonNullGraphType<DateGraphType>>("decisionDue").Description("4 weeks after the meeting.").Resolve(c => EhcDeadlines.ReviewDecisionDue(c.Source.MeetingOn));
        Field<DateGraphType>("decisionOn").Resolve(c => c.Source.DecisionOn);
    }
}
