using ApGrid.Api.Audit;
using ApGrid.Api.GraphQL.Views;
using global::GraphQL;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";
        Field<NonNullGraphType<ViewerGraphType>>("viewer").Resolve(c => c.Caller());
        Field<NonNullGraphType<LocalAuthorityGraphType>>("localAuthority").ResolveAsync(async c =>
            await c.LocalAuthority().GetProfileAsync() ?? throw ApGridError.NotFound("tenant", "local authority"));
        Field<ApSettingGraphType>("apSetting")
            .Argument<NonNullGraphType<StringGraphType>>("urn")
            .ResolveAsync(async c => await c.TenantGrain<IApSettingGrain>(c.UrnArgument("urn")).GetCapacityAsync()
                ?? throw ApGridError.NotFound("urn", "AP setting"));
        Field<SchoolGraphType>("school")
            .Argument<NonNullGraphType<StringGraphType>>("urn")
            .ResolveAsync(async c =>
            {
                var urn = c.UrnArgument("urn");
                var profile = await c.TenantGrain<ISchoolGrain>(urn).GetProfileAsync() ?? throw ApGridError.NotFound("urn", "school");
                return new SchoolView(urn, profile);
            });
        Field<SpecialSchoolGraphType>("specialSchool")
            .Argument<NonNullGraphType<StringGraphType>>("urn")
            .ResolveAsync(async c => await c.TenantGrain<ISpecialSchoolGrain>(c.UrnArgument("urn")).GetAsync()
                ?? throw ApGridError.NotFound("urn", "special school"));
        Field<PupilGraphType>("pupil")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await PupilAccess.LoadAsync(c, c.GetArgument<string>("id"), "id"));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CapacityMatchGraphType>>>>("apCapacity")
            .Argument<CapacityFilterInputGraphType>("filter")
            .ResolveAsync(async c => await CapacityQuery.SearchAsync(c, c.GetArgument<Dictionary<string, object?>?>("filter"))).CachedByCapacityVersion();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EhcpCaseGraphType>>>>("ehcpCases")
            .Argument<EhcpFilterInputGraphType>("filter")
            .ResolveAsync(async c => await EhcpQueries.ListAsync(c, c.GetArgument<Dictionary<string, object?>?>("filter")));
        Field<NonNullGraphType<SchoolCalendarYearGraphType>>("schoolCalendar")
            .Description("One academic year of the LA's school calendar; generated and flagged isDefault when the LA has not entered it.")
            .Argument<NonNullGraphType<IntGraphType>>("academicYear")
            .Argument<StringGraphType>("schoolUrn", "Include this school's own INSET days in schoolInsetDays and schoolDays.")
            .ResolveAsync(SchoolCalendarQueries.YearAsync);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReferralGraphType>>>>("openReferrals")
            .Description("Referrals submitted or approved and not yet placed: the LA's panel worklist; a school sees its own pupils'.")
            .ResolveAsync(async c => await ReferralQueries.OpenReferralsAsync(c));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlacementGraphType>>>>("placementsAwaitingAcknowledgement")
            .Description("Placements schools commissioned and told the LA about, not yet acknowledged (queried ones included), oldest first; a school sees its own pupils'.")
            .ResolveAsync(async c => await ReferralQueries.PlacementsAwaitingAcknowledgementAsync(c));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PackageGraphType>>>>("partTimeTimetables")
            .Description("Pupils whose week falls short of full time on the date (default today): the LA sees its tenant, a school its own pupils.")
            .Argument<DateGraphType>("asOf")
            .ResolveAsync(async c => await Packages.PartTimeAsync(c, c.GetArgument<DateOnly?>("asOf") ?? c.Today()));
        Field<NonNullGraphType<OutreachBoardGraphType>>("outreach").ResolveAsync(OutreachQueries.BoardAsync);
        Field<NonNullGraphType<LaReportGraphType>>("report")
            .Argument<IntGraphType>("entryCohort").Description("lengthOfStay and ongoingStays for pupils who first entered AP in this academic year (2026 = 2026/27).")
            .Argument<ApTypeEnumGraphType>("apType", "lengthOfStay and ongoingStays counting only placements at this kind of AP.")
            .Argument<DateGraphType>("censusDate", "The day pupilsInApByAgeAndType counts; default: the January school census day of the current academic year.")
            .ResolveAsync(async c => await ReportQuery.GetAsync(c));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SixthDayDutyGraphType>>>>("sixthDayDuties")
            .Description("Exclusions owing full-time education from their sixth school day, earliest first: the LA sees all, a school its own.")
            .Argument<BooleanGraphType>("overdueOnly", "Only those whose sixth school day has come with no placement covering it.")
            .ResolveAsync(async c => await ExclusionQueries.DutiesAsync(c));
        AttendanceFields.AddQueries(this);
        Field<ProviderAssuranceGraphType>("providerAssurance")
            .Description("LA officers and the provider's own staff: its due diligence, decision and history. Audited.")
            .Argument<NonNullGraphType<StringGraphType>>("urn")
            .ResolveAsync(ProviderQueries.ReadAsync);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApSettingGraphType>>>>("providerRegister")
            .Description("The LA's register of AP providers with each one's standing today (ApSetting.standing), by name; every role of the tenant.")
            .Argument<ProviderStatusEnumGraphType>("status")
            .Argument<IntGraphType>("expiringWithinDays", "Only providers with a part of their approval lapsed or lapsing within this many days.")
            .ResolveAsync(async c => await ProviderQueries.RegisterAsync(c));
        Field<NonNullGraphType<AuditTrailPageGraphType>>("auditTrail")
            .Description("LA officers only: who read or changed which pupil's record, oldest first.")
            .Argument<IdGraphType>("pupilId")
            .Argument<StringGraphType>("after")
            .Argument<IntGraphType>("first")
            .ResolveAsync(async c => await AuditTrailQuery.ReadAsync(
                c.Grains(), c.Caller(), c.GetArgument<string?>("pupilId"), c.GetArgument<string?>("after"), c.GetArgument<int?>("first"), "first"));
        WebhookFields.AddQueries(this);
        this.AddConnectionFor<CapacityMatchGraphType>("apCapacity");
        this.AddConnectionFor<EhcpCaseGraphType>("ehcpCases");
        UpnMatchFields.AddQueries(this);
        // Last, so the printed schema grows at its end.
        AccessQueries.AddQueries(this);
    }
}
