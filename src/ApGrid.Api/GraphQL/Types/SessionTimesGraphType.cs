using System.Globalization;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class SessionTimesGraphType : ObjectGraphType<SessionTimes>
{
    public SessionTimesGraphType()
    {
        Name = "SessionTimes";
        Description = "When a setting's morning and afternoon sessions run (HH:mm, the same each weekday).";
        Field<NonNullGraphType<StringGraphType>>("morningStart").Resolve(c => c.Source.MorningStart.ToString("HH:mm", CultureInfo.InvariantCulture));
        Field<NonNullGraphType<StringGraphType>>("morningEnd").Resolve(c => c.Source.MorningEnd.ToString("HH:mm", CultureInfo.InvariantCulture));
        Field<NonNullGraphType<StringGraphType>>("afternoonStart").Resolve(c => c.Source.AfternoonStart.ToString("HH:mm", CultureInfo.InvariantCulture));
        Field<NonNullGraphType<StringGraphType>>("afternoonEnd").Resolve(c => c.Source.AfternoonEnd.ToString("HH:mm", CultureInfo.InvariantCulture));
        Field<NonNullGraphType<FloatGraphType>>("weeklyHours").Description("All ten sessions.").Resolve(c => c.Source.WeeklyHours(Sessions.All));
    }
}
