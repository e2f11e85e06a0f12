using global::GraphQL;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public static class EhcpLifecycleMutations
{
    /// <summary>
    /// The steps after the request. Each is the LA's, except the annual review meeting, which the
    /// pupil's school holds and records (SEND Regulations 2014 reg 20).
    /// </summary>
    public static void AddTo(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<EhcpCaseGraphType>>("recordEhcpException")
            .Argument<NonNullGraphType<RecordEhcpExceptionInputGraphType>>("input")
            .ResolveAsync(c => EhcpQueries.LaStepAsync(c, (grain, input) => grain.RecordEhcpExceptionAsync(
                (EhcDeadlineKind)input["deadline"]!, (EhcExceptionKind)input["kind"]!, (DateOnly)input["date"]!, input.GetValueOrDefault("note") as string)));
        mutation.Field<NonNullGraphType<EhcpCaseGraphType>>("recordEhcpSpecialSchoolIntention")
            .Description("The LA, assessing, intends to name a special school: the pupil may then join a special school's waiting list.")
            .Argument<NonNullGraphType<IdGraphType>>("pupilId")
            .Argument<NonNullGraphType<DateGraphType>>("date")
            .ResolveAsync(c => EhcpQueries.LaStepAsync(c, (grain, _) => grain.RecordEhcpSpecialSchoolIntentionAsync(c.GetArgument<DateOnly>("date"))));
        mutation.Field<NonNullGraphType<EhcpCaseGraphType>>("recordEhcpAnnualReview")
            .Argument<NonNullGraphType<RecordEhcpAnnualReviewInputGraphType>>("input")
            .ResolveAsync(c => EhcpQueries.StepAsync(c, laOnly: false, (grain, input) => grain.RecordEhcpAnnualReviewAsync(
                (DateOnly)input["meetingOn"]!, (EhcReviewRecommendation)input["recommendation"]!)));
        mutation.Field<NonNullGraphType<EhcpCaseGraphType>>("recordEhcpReviewDecision")
            .Argument<NonNullGraphType<RecordEhcpReviewDecisionInputGraphType>>("input")
            .ResolveAsync(c => EhcpQueries.LaStepAsync(c, (grain, input) => grain.RecordEhcpReviewDecisionAsync((DateOnly)input["meetingOn"]!, (DateOnly)input["date"]!)));
        mutation.Field<NonNullGraphType<EhcpCaseGraphType>>("ceaseEhcPlan")
            .Argument<NonNullGraphType<CeaseEhcPlanInputGraphType>>("input")
            .ResolveAsync(c => EhcpQueries.LaStepAsync(c, (grain, input) => grain.CeaseEhcPlanAsync((DateOnly)input["date"]!, (EhcCeaseReason)input["reason"]!)));
    }
}
