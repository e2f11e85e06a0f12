using ApGrid.Api.GraphQL.Views;
using global::GraphQL;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class PlacementGraphType : ObjectGraphType<PlacementView>
{
    public PlacementGraphType()
    {
        Name = "Placement";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Placement.PlacementId);
        Field<NonNullGraphType<PupilGraphType>>("pupil").Resolve(c => c.Source.Pupil);
        Field<NonNullGraphType<ApSettingGraphType>>("setting").ResolveAsync(async c =>
            await c.TenantGrain<IApSettingGrain>(c.Source.Placement.ApUrn).GetCapacityAsync() ?? throw ApGridError.NotFound("apUrn", "AP setting"));
        Field<NonNullGraphType<DateGraphType>>("startDate").Resolve(c => c.Source.Placement.StartDate);
        Field<NonNullGraphType<IntGraphType>>("yearGroupAtStart")
            .Description("The pupil's year group on the start date, as the LA's figures count it.")
            .Resolve(c => c.Source.Pupil.Snapshot.Record.YearGroupOn(c.Source.Placement.StartDate));
        Field<IntGraphType>("yearGroupAtEnd")
            .Description("The pupil's year group on the end date; null while active.")
            .Resolve(c => c.Source.Placement.EndDate is { } end ? c.Source.Pupil.Snapshot.Record.YearGroupOn(end) : null);
        Field<NonNullGraphType<DateGraphType>>("plannedEndDate").Resolve(c => c.Source.Placement.PlannedEndDate);
        Field<DateGraphType>("endDate").Resolve(c => c.Source.Placement.EndDate);
        Field<NonNullGraphType<BooleanGraphType>>("fullTime").Resolve(c => c.Source.Placement.FullTime);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionEnumGraphType>>>>("sessions").Resolve(c => c.Source.Placement.Sessions);
        Field<NonNullGraphType<RegistrationEnumGraphType>>("apRegistration").Resolve(c => c.Source.Placement.ApRegistration);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("objectives").Resolve(c => c.Source.Placement.Objectives ?? []);
        Field<NonNullGraphType<IntGraphType>>("reviewEveryWeeks").Resolve(c => c.Source.Placement.ReviewEveryWeeks);
        Field<DateGraphType>("nextReviewDue")
            .Description("Active placements: reviewEveryWeeks term weeks (weeks with a school day of the home school) after the last review or the start.")
            .ResolveAsync(async c => await NextReviewDueAsync(c));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlacementReviewGraphType>>>>("reviews").Resolve(c => c.Source.Placement.Reviews ?? []);
        Field<NonNullGraphType<PlacementStatusEnumGraphType>>("status").Resolve(c => c.Source.Placement.IsActive ? PlacementStatus.Active : PlacementStatus.Ended);
        Field<PlacementOutcomeEnumGraphType>("outcome").Resolve(c => c.Source.Placement.Outcome);
        Field<DateGraphType>("checkInDue")
            .Description("For a pupil who returned to mainstream: the reintegration check-in, six weeks after the end.")
            .Resolve(c => c.Source.Placement.CheckInDue);
        Field<NonNullGraphType<BooleanGraphType>>("reviewOverdue")
            .Description("The next review is past due (active placements only).")
            .ResolveAsync(async c => await NextReviewDueAsync(c) is { } due
                && PlacementRules.IsReviewOverdue(due, c.Today()));
        AttendanceFields.AddTo(this);
        AuditedFields.RecordReads(this);
    }

    private static async Task<DateOnly?> NextReviewDueAsync(IResolveFieldContext<PlacementView> context)
    {
        var placement = context.Source.Placement;
        if (!placement.IsActive || placement.ReviewEveryWeeks is < 1 or > PlacementRules.MaxReviewEveryWeeks) return null;
        var last = placement.Reviews is { Count: > 0 } r ? r[^1].Date : (DateOnly?)null;
        // The calendar of the counting start's year and the next holds any 7 term weeks from it.
        var from = last ?? placement.StartDate;
        var school = context.Source.Pupil.Snapshot.Record.HomeSchoolUrn;
        var calendar = await ((ApGridUserContext)context.UserContext).SchoolCalendarAsync(from, school, () =>
            context.Grains().GetGrain<ISchoolCalendarGrain>(context.Caller().Tenant).GetCalendarAsync(from, from, school));
        return PlacementRules.NextReviewDue(calendar, placement.StartDate, placement.ReviewEveryWeeks, last);
    }
}
