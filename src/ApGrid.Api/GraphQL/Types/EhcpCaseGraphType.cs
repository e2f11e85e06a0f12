using ApGrid.Api.GraphQL.Views;
using global::GraphQL;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>An EHC case on the statutory clock: due dates from the request, overdue and weeks elapsed as of today.</summary>
public sealed class EhcpCaseGraphType : ObjectGraphType<EhcpCaseView>
{
    public EhcpCaseGraphType()
    {
        Name = "EhcpCase";
        Field<NonNullGraphType<PupilGraphType>>("pupil").ResolveAsync(async c =>
            c.Source.Pupil ?? await PupilAccess.LoadAsync(c, c.Source.Entry.PupilId, "pupil"));
        Field<NonNullGraphType<DateGraphType>>("requestedOn").Resolve(c => c.Source.Entry.Case.RequestedOn);
        Field<NonNullGraphType<EhcpStageEnumGraphType>>("stage").Resolve(c => c.Source.Entry.Case.Stage);
        Field<NonNullGraphType<DateGraphType>>("decisionDue").Resolve(c => EhcTimeline.DecisionDue(c.Source.Entry.Case.RequestedOn));
        Field<NonNullGraphType<DateGraphType>>("finalDue").Resolve(c => EhcTimeline.FinalDue(c.Source.Entry.Case.RequestedOn));
        Field<DateGraphType>("decisionOn").Resolve(c => c.Source.Entry.Case.DecisionOn);
        Field<DateGraphType>("draftIssuedOn").Resolve(c => c.Source.Entry.Case.DraftIssuedOn);
        Field<DateGraphType>("finalIssuedOn").Resolve(c => c.Source.Entry.Case.FinalIssuedOn);
        Field<NonNullGraphType<BooleanGraphType>>("overdue").Resolve(c => IsOverdue(c.Source.Entry.Case, c.Today()));
        Field<NonNullGraphType<IntGraphType>>("weeksElapsed").Resolve(c =>
            EhcTimeline.WeeksElapsed(c.Source.Entry.Case.RequestedOn, c.Source.Entry.Case.FinalIssuedOn ?? c.Today()));
        Field<DateGraphType>("annualReviewDue").Resolve(c =>
            c.Source.Entry.Case.FinalIssuedOn is { } final ? EhcTimeline.AnnualReviewDue(final, null) : (DateOnly?)null);
        AuditedFields.RecordReads(this);
    }

    public static bool IsOverdue(EhcpCaseRecord ehcp, DateOnly today) =>
        EhcTimeline.IsOverdue(ehcp.RequestedOn, ehcp.DecisionOn, ehcp.FinalIssuedOn, EhcpRules.ClosedWithoutPlan(ehcp.Stage), today);
}
