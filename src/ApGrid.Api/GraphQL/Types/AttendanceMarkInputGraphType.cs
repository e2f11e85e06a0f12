using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class AttendanceMarkInputGraphType : InputObjectGraphType
{
    public AttendanceMarkInputGraphType()
    {
        Name = "AttendanceMarkInput";
        Field<NonNullGraphType<IdGraphType>>("pupilId");
        Field<NonNullGraphType<SessionEnumGraphType>>("session").Description("One of the day's two sessions (TUE_AM or TUE_PM on a Tuesday).");
        Field<NonNullGraphType<AttendanceCodeEnumGraphType>>("mark");
    }
}
