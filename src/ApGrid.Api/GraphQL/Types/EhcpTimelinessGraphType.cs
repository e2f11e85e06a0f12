using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class EhcpTimelinessGraphType : ObjectGraphType<EhcpTimelinessView>
{
    public EhcpTimelinessGraphType()
    {
        Name = "EhcpTimeliness";
        Description = "SEN2: of the final plans issued in the calendar year (all years when calendarYear is null), excluding cases with a recorded exception, the share issued within 20 weeks.";
        Field<IntGraphType>("calendarYear").Resolve(c => c.Source.CalendarYear);
        Field<IntGraphType>("finalIssued").Resolve(c => c.Source.FinalIssued);
        Field<IntGraphType>("excludedByException").Resolve(c => c.Source.ExcludedByException);
        Field<IntGraphType>("issuedWithin20Weeks").Resolve(c => c.Source.IssuedWithin20Weeks);
        Field<FloatGraphType>("issuedWithin20WeeksPercent").Resolve(c => c.Source.IssuedWithin20WeeksPercent);
    }
}
