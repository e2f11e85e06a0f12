using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class AttendanceCodeInfoGraphType : ObjectGraphType<AttendanceCode>
{
    public AttendanceCodeInfoGraphType()
    {
        Name = "AttendanceCodeInfo";
        Description = "One attendance code: its value, the official code and the words a register uses for it.";
        Field<NonNullGraphType<AttendanceCodeEnumGraphType>>("mark").Resolve(c => c.Source);
        Field<NonNullGraphType<StringGraphType>>("code").Description("The official code; present is \"/\" here and \"\\\" in an afternoon mark.")
            .Resolve(c => AttendanceCodes.CodeOf(c.Source));
        Field<NonNullGraphType<StringGraphType>>("label").Resolve(c => AttendanceCodes.NameOf(c.Source));
        Field<NonNullGraphType<AttendanceCategoryEnumGraphType>>("countsAs").Resolve(c => AttendanceCodes.CategoryOf(c.Source));
    }
}
