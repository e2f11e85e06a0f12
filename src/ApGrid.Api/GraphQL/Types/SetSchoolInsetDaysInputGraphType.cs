using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class SetSchoolInsetDaysInputGraphType : InputObjectGraphType
{
    public SetSchoolInsetDaysInputGraphType()
    {
        Name = "SetSchoolInsetDaysInput";
        Field<NonNullGraphType<StringGraphType>>("schoolUrn");
        Field<NonNullGraphType<IntGraphType>>("academicYear");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DateGraphType>>>>("dates")
            .Description("All of the school's own INSET days of the year, replacing any given before; empty clears them.");
    }
}
