using ApGrid.Api.GraphQL.Views;
using global::GraphQL;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class LaReportGraphType : ObjectGraphType<LaReportView>
{
    public LaReportGraphType()
    {
        Name = "LaReport";
        Field<NonNullGraphType<DateGraphType>>("asOf").Resolve(c => c.Source.AsOf);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountGraphType>>>>("pupilsInApByAge").Resolve(c => c.Source.PupilsInApByAge);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountGraphType>>>>("pupilsInApByAttendance").Resolve(c => c.Source.PupilsInApByAttendance);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountGraphType>>>>("outcomes").Resolve(c => c.Source.Outcomes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LengthOfStayRowGraphType>>>>("lengthOfStay").Resolve(c => c.Source.LengthOfStay);
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
    }
}
