using ApGrid.Api.GraphQL.Views;
using ApGrid.Api.Rest;
using global::GraphQL;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class LaReportGraphType : ObjectGraphType<LaReportView>
{
    public LaReportGraphType()
    {
        Name = "LaReport";
        Field<NonNullGraphType<DateGraphType>>("asOf").Resolve(c => c.Source.AsOf);
        Field<DateTimeGraphType>("publishedAt")
            .Description("When these figures were taken, for every role but LA_OFFICER: they are published once a day (configurable) under disclosure control, not live. Null for LA officers, who see live figures.")
            .Resolve(c => c.Source.PublishedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountGraphType>>>>("pupilsInApByAge").Resolve(c => c.Source.PupilsInApByAge);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountGraphType>>>>("pupilsInApByAttendance")
            .Description("Active placements by FULL_TIME and PART_TIME: the same counts as pupilsInApByHours.")
            .DeprecationReason("Misnamed: it counts full-time and part-time placements, not attendance. Use pupilsInApByHours for these counts and pupilsInApByAttendanceBand for attendance.")
            .Resolve(c => c.Source.PupilsInApByAttendance);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountGraphType>>>>("pupilsInApByHours")
            .Description("Active placements by FULL_TIME and PART_TIME.")
            .Resolve(c => c.Source.PupilsInApByAttendance);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountGraphType>>>>("pupilsInApByAttendanceBand")
            .Description("Pupils in AP now by attendance to date across their active placements (attended / possible sessions): NINETY_PERCENT_OR_MORE; "
                + "FIFTY_TO_UNDER_NINETY (persistent absence); UNDER_FIFTY (severe absence); NO_MARKS_YET (no possible session marked).")
            .Resolve(c => c.Source.PupilsInApByAttendanceBand);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountGraphType>>>>("outcomes").Resolve(c => c.Source.Outcomes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountGraphType>>>>("placementsByTier")
            .Description("Active placements by AP tier (key = ApTier, or NOT_RECORDED); outreach, the targeted-support tier, is in outreachHoursAllocated.")
            .Resolve(c => c.Source.PlacementsByTier);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LengthOfStayRowGraphType>>>>("finishedStays")
            .Description("Finished stays, each pupil once: year group on first entering AP by year group on last leaving it, as row percentages. Pupils still in AP are in ongoingStays instead.")
            .Resolve(c => c.Source.LengthOfStay);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LengthOfStayRowGraphType>>>>("lengthOfStay")
            .Description("The same rows as finishedStays.")
            .DeprecationReason("Its meaning changed: it counted a pupil still in AP as leaving in their latest year group, and now counts finished stays only (the rest are in ongoingStays). Use finishedStays, whose name says so.")
            .Resolve(c => c.Source.LengthOfStay);
        Field<FloatGraphType>("ehcpIssuedWithin20WeeksPercent").Resolve(c => c.Source.EhcpIssuedWithin20WeeksPercent);
        Field<IntGraphType>("ehcpFinalIssued").Resolve(c => c.Source.EhcpFinalIssued);
        Field<NonNullGraphType<EhcpTimelinessGraphType>>("ehcpTimeliness")
            .Description("SEN2's figure: plans issued within 20 weeks, excluding exceptions, for a calendar year (all years if omitted).")
            .Argument<IntGraphType>("calendarYear")
            .ResolveAsync(async c => await EhcpQueries.TimelinessAsync(c, c.GetArgument<int?>("calendarYear")));
        Field<IntGraphType>("specialSchoolWaitMedianDays").Resolve(c => c.Source.SpecialSchoolWaitMedianDays);
        Field<IntGraphType>("specialSchoolWaitP90Days").Resolve(c => c.Source.SpecialSchoolWaitP90Days);
        Field<IntGraphType>("pupilsWaitingInAp").Resolve(c => c.Source.PupilsWaitingInAp);
        Field<NonNullGraphType<FloatGraphType>>("outreachHoursAllocated").Resolve(c => c.Source.OutreachHoursAllocated);
        Field<IntGraphType>("entryCohort").Description("The entry cohort lengthOfStay and ongoingStays are for, as asked (2026 = 2026/27); null: every cohort.").Resolve(c => c.Source.EntryCohort);
        Field<ApTypeEnumGraphType>("apType").Description("The kind of AP lengthOfStay and ongoingStays are for, as asked; null: every kind.")
            .Resolve(c => EnumNames<ApType>.TryParse(c.Source.ApType, out var type) ? type : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OngoingStayRowGraphType>>>>("ongoingStays")
            .Description("Pupils still in AP by first year group in AP: left out of lengthOfStay, which counts finished stays only.")
            .Resolve(c => c.Source.OngoingStays);
        Field<NonNullGraphType<DateGraphType>>("censusDate").Description("The day pupilsInApByAgeAndType counts: as asked, or the January school census day (third Thursday of January) of the current academic year.")
            .Resolve(c => c.Source.CensusDate);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApTypeCountsGraphType>>>>("pupilsInApByAgeAndType")
            .Description("Pupils in AP on censusDate, one row per kind of AP.")
            .Resolve(c => c.Source.PupilsInApByAgeAndType);
    }
}
