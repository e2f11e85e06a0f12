using ApGrid.Api.GraphQL.Views;
using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class AttendanceGraphType : ObjectGraphType<AttendanceView>
{
    public AttendanceGraphType()
    {
        Name = "Attendance";
        Description = "Attendance from the marks recorded: the Monday-to-Sunday week holding asOf, and everything up to asOf.";
        Field<NonNullGraphType<DateGraphType>>("asOf").Resolve(c => c.Source.AsOf);
        Field<NonNullGraphType<AttendanceTallyGraphType>>("week").Resolve(c => c.Source.Week);
        Field<NonNullGraphType<AttendanceTallyGraphType>>("toDate").Resolve(c => c.Source.ToDate);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AttendanceMarkGraphType>>>>("marks").Resolve(c => c.Source.Marks);
    }
}
