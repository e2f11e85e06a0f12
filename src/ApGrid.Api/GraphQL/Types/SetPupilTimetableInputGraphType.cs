using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class SetPupilTimetableInputGraphType : InputObjectGraphType
{
    public SetPupilTimetableInputGraphType()
    {
        Name = "SetPupilTimetableInput";
        Field<NonNullGraphType<IdGraphType>>("pupilId");
        Field<DateGraphType>("effectiveFrom").Description("Default today.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionEnumGraphType>>>>("homeSchoolSessions");
        Field<FloatGraphType>("tuitionHoursPerWeek").DefaultValue(0d);
        Field<StringGraphType>("partTimeAgreedBy").Description("Required when the week falls short of full time.");
        Field<DateGraphType>("partTimeEndsOn").Description("Required when the week falls short of full time.");
    }
}
