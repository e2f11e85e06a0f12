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
        Field<NonNullGraphType<BooleanGraphType>>("overdue").Description("Any deadline of the case is overdue.")
            .DeprecationReason("Its meaning widened: true when any deadline of the case is overdue (it was the decision or the final plan only). Read deadlines { kind overdue } or nextDeadline to know which.").Resolve(c => IsOverdue(c.Source.Entry, c.Today()));
        Field<NonNullGraphType<IntGraphType>>("weeksElapsed").Resolve(c =>
            EhcTimeline.WeeksElapsed(c.Source.Entry.Case.RequestedOn, c.Source.Entry.Case.FinalIssuedOn ?? c.Today()));
        Field<DateGraphType>("annualReviewDue").Resolve(c => Owed(c.Source.Entry, c.Today(), EhcDeadlineKind.AnnualReview)?.DueOn);
        Field<EhcRequestSourceEnumGraphType>("requestSource").Resolve(c => c.Source.Entry.Case.RequestSource);
        Field<NonNullGraphType<DateGraphType>>("noticeNotToIssueDue").Description("16 weeks after the request.")
            .Resolve(c => EhcDeadlines.NoticeNotToIssueDue(c.Source.Entry.Case.RequestedOn));
        Field<DateGraphType>("notIssuedOn").Resolve(c => c.Source.Entry.Case.NotIssuedOn);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EhcDeadlineGraphType>>>>("deadlines")
            .Description("Every deadline the case has owed, met or not, earliest first.").Resolve(c => c.Source.Entry.Deadlines(c.Today()));
        Field<EhcDeadlineGraphType>("nextDeadline").Description("The earliest deadline still owed.")
            .Resolve(c => EhcDeadlines.Next(c.Source.Entry.Deadlines(c.Today())));
        Field<DateGraphType>("phaseTransferDue").Description("15 February of the year of the next move into Reception, Year 7 or post-16, while a plan stands.")
            .Resolve(c => Owed(c.Source.Entry, c.Today(), EhcDeadlineKind.PhaseTransfer)?.DueOn);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EhcExceptionGraphType>>>>("exceptions").Resolve(c => c.Source.Entry.Case.ExceptionList);
        Field<NonNullGraphType<BooleanGraphType>>("excludedFromTimeliness").Resolve(c => c.Source.Entry.Case.ExcludedFromTimeliness);
        Field<DateGraphType>("specialSchoolIntendedOn").Description("When the LA recorded its intention to name a special school.")
            .Resolve(c => c.Source.Entry.Case.SpecialSchoolIntendedOn);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EhcAnnualReviewGraphType>>>>("annualReviews").Resolve(c => c.Source.Entry.Case.ReviewList);
        Field<DateGraphType>("ceasedOn").Resolve(c => c.Source.Entry.Case.CeasedOn);
        Field<EhcCeaseReasonEnumGraphType>("ceaseReason").Resolve(c => c.Source.Entry.Case.CeaseReason);
        AuditedFields.RecordReads(this);
    }

    public static bool IsOverdue(EhcpCaseEntry entry, DateOnly today) => entry.Deadlines(today).Any(d => d.IsOverdueOn(today));

    private static EhcDeadline? Owed(EhcpCaseEntry entry, DateOnly today, EhcDeadlineKind kind) =>
        entry.Deadlines(today).FirstOrDefault(d => d.Kind == kind && d.MetOn is null);
}
