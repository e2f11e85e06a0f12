using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class SchoolCalendarYearGraphType : ObjectGraphType<SchoolCalendarYearView>
{
    public SchoolCalendarYearGraphType()
    {
        Name = "SchoolCalendarYear";
        Description = "One academic year (1 September to 31 August) of the LA's school calendar.";
        Field<NonNullGraphType<IntGraphType>>("academicYear").Description("The year it starts: 2025 for 2025/26.").Resolve(c => c.Source.Year.AcademicYear);
        Field<NonNullGraphType<BooleanGraphType>>("isDefault")
            .Description("True when the LA has not entered this year: the dates are generated and not yet confirmed.")
            .Resolve(c => c.Source.Year.IsDefault);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HalfTermGraphType>>>>("terms")
            .Resolve(c => c.Source.Year.Terms.Select((t, i) => new HalfTermView((HalfTermName)i, t)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DateGraphType>>>>("insetDays").Description("The LA's INSET days.").Resolve(c => c.Source.Year.InsetDays);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DateGraphType>>>>("schoolInsetDays")
            .Description("The asked-about school's own INSET days on top of the LA's; empty without schoolUrn.")
            .Resolve(c => c.Source.SchoolInsetDays);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DateGraphType>>>>("bankHolidays")
            .Description("Bank holidays of England and Wales in the academic year.")
            .Resolve(c => c.Source.BankHolidays);
        Field<NonNullGraphType<IntGraphType>>("schoolDays")
            .Description("Days pupils attend: term weekdays less bank holidays and INSET days (the school's too when schoolUrn is given).")
            .Resolve(c => c.Source.Calendar.SchoolDaysIn(c.Source.Year.AcademicYear));
    }
}
