using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class AttendanceCategoryEnumGraphType : EnumerationGraphType<AttendanceCategory>
{
    public AttendanceCategoryEnumGraphType()
    {
        Name = "AttendanceCategory";
        Description = "How a code counts: PRESENT and APPROVED_EDUCATIONAL_ACTIVITY are attended; NOT_COUNTED sessions are not possible sessions.";
    }
}
