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
        Field<NonNullGraphType<RegistrationEnumGraphType>>("apRegistration")
            .DeprecationReason("The turn-one rule (SINGLE for a full-time place, else SUBSIDIARY), wrong for non-school providers and most routes: read providerRegistration and homeSchoolRegistration.")
            .Resolve(c => c.Source.Placement.ApRegistration);
        Field<NonNullGraphType<PlacementRouteEnumGraphType>>("route").Resolve(c => c.Source.Placement.Route);
        Field<NonNullGraphType<CommissionerEnumGraphType>>("commissionedBy").Description("Who arranged the placement, from its route.").Resolve(c => RouteRules.CommissionedBy(c.Source.Placement.Route));
        Field<NonNullGraphType<CommissionerEnumGraphType>>("reviewedBy").Description("Who reviews it (the provider contributes).").Resolve(c => RouteRules.ReviewedBy(c.Source.Placement.Route));
        Field<PlacementNoticeGraphType>("notice").Resolve(c => c.Source.Placement.Notice);
        Field<DateGraphType>("consentGivenOn").Description("Parental consent, where the LA's policy asks for it on this route (LA_PANEL: on the referral).").Resolve(c => c.Source.Placement.ConsentGivenOn);
        Field<ApTierEnumGraphType>("tier").Resolve(c => c.Source.Placement.Tier);
        Field<RegistrationEnumGraphType>("homeSchoolRegistration")
            .Description("The home school's registration: MAIN when dual registered, SINGLE when the pupil stays on its roll alone, null once off its roll (after a permanent exclusion).")
            .ResolveAsync(async c => (await RegistrationAsync(c)).HomeSchool);
        Field<RegistrationEnumGraphType>("providerRegistration")
            .Description("The provider's registration; null at a non-school provider, which keeps no admission register.")
            .ResolveAsync(async c => (await RegistrationAsync(c)).Provider);
        Field<StringGraphType>("attendanceCode")
            .Description("The code the home school (B, D) or the LA (K) records for the pupil's sessions at the provider; null when the provider is the pupil's only school.")
            .ResolveAsync(async c => (await RegistrationAsync(c)).AttendanceCode);
        Field<NonNullGraphType<FloatGraphType>>("weeklyHours")
            .Description("The booked sessions at the setting's session times.")
            .ResolveAsync(async c => (await SettingAsync(c)).Profile.Times.WeeklyHours(c.Source.Placement.BookedSessions));
        Field<NonNullGraphType<BooleanGraphType>>("countsAsFullTime")
            .Description("weeklyHours at or above the full-time line of the independent-school registration test (default 18).")
            .ResolveAsync(async c => (await SettingAsync(c)).Profile.Times.WeeklyHours(c.Source.Placement.BookedSessions) >= RegistrationFullTimeHours(c));
        Field<NonNullGraphType<BooleanGraphType>>("overrun")
            .Description("Still active after its planned end date.")
            .Resolve(c => PlacementRules.IsOverrunning(c.Source.Placement.PlannedEndDate, c.Source.Placement.EndDate, c.Today()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlacementChangeGraphType>>>>("changes").Resolve(c => c.Source.Placement.ChangeList);
        Field<LaNotificationGraphType>("laNotification")
            .Description("A school-commissioned placement's notification to the LA: the LA and the home school see it; null on the LA's own placements.")
            .Resolve(c => PupilAccess.IsLaOrHomeSchool(c.Caller(), c.Source.Pupil.Snapshot) ? c.Source.Placement.LaNotification : null);
        Field<PlacementDestinationGraphType>("destination").Resolve(c => c.Source.Placement.Destination);
        Field<ReintegrationPlanGraphType>("reintegrationPlan").Resolve(c => c.Source.Placement.Reintegration);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReintegrationCheckInGraphType>>>>("checkIns").Resolve(c => c.Source.Placement.CheckInList);
        Field<IdGraphType>("transferredFrom").Description("The placement this one continues after a transfer.").Resolve(c => c.Source.Placement.TransferredFrom);
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

    private static async Task<ApCapacitySnapshot> SettingAsync(IResolveFieldContext<PlacementView> context) =>
        await context.TenantGrain<IApSettingGrain>(context.Source.Placement.ApUrn).GetCapacityAsync() ?? throw ApGridError.NotFound("apUrn", "AP setting");

    private static async Task<PlacementRegistration> RegistrationAsync(IResolveFieldContext<PlacementView> context) =>
        RouteRules.Registration(context.Source.Placement.Route, RouteRules.IsSchool((await SettingAsync(context)).Profile.Type));

    private static double RegistrationFullTimeHours(IResolveFieldContext context) => context.PlacementHours().RegistrationFullTimeHours;

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
