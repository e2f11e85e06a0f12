using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Declared ahead of its workflow so the served schema already covers the contract; the workflow brings the source type and resolvers.</summary>
public sealed class LaReportGraphType : ObjectGraphType<object>
{
    public LaReportGraphType()
    {
        Name = "LaReport";
        Field<NonNullGraphType<DateGraphType>>("asOf");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountGraphType>>>>("pupilsInApByAge");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountGraphType>>>>("pupilsInApByAttendance");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountGraphType>>>>("outcomes");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LengthOfStayRowGraphType>>>>("lengthOfStay");
        Field<FloatGraphType>("ehcpIssuedWithin20WeeksPercent");
        Field<IntGraphType>("ehcpFinalIssued");
        Field<IntGraphType>("specialSchoolWaitMedianDays");
        Field<IntGraphType>("specialSchoolWaitP90Days");
        Field<IntGraphType>("pupilsWaitingInAp");
        Field<NonNullGraphType<FloatGraphType>>("outreachHoursAllocated");
    }
}
