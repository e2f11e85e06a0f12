using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Untyped so the resolver reads it as a dictionary and names the offending row in VALIDATION errors.</summary>
public sealed class RecordAttendanceInputGraphType : InputObjectGraphType
{
    public RecordAttendanceInputGraphType()
    {
        Name = "RecordAttendanceInput";
        Description = "Marks for one setting and day; one mark or the whole register. A mark for a pupil and session already marked replaces it.";
        Field<NonNullGraphType<StringGraphType>>("urn");
        Field<NonNullGraphType<DateGraphType>>("date");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttendanceMarkInputGraphType>>>>("marks");
    }
}
