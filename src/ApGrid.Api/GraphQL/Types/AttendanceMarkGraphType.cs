using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class AttendanceMarkGraphType : ObjectGraphType<DatedMark>
{
    public AttendanceMarkGraphType()
    {
        Name = "AttendanceMark";
        Field<NonNullGraphType<DateGraphType>>("date").Resolve(c => c.Source.Date);
        Field<NonNullGraphType<SessionEnumGraphType>>("session").Resolve(c => c.Source.Session);
        Field<NonNullGraphType<AttendanceCodeEnumGraphType>>("mark").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("code").Description("The official code as a register shows it in this session (\"/\" or \"\\\" for present).")
            .Resolve(c => AttendanceCodes.CodeOf(c.Source.Code, c.Source.Session));
        Field<NonNullGraphType<StringGraphType>>("label").Resolve(c => AttendanceCodes.NameOf(c.Source.Code));
    }
}
