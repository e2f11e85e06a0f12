using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Untyped so resolvers read it as a dictionary and can name the offending input field in VALIDATION errors.</summary>
public sealed class SetSchoolTermsInputGraphType : InputObjectGraphType
{
    public SetSchoolTermsInputGraphType()
    {
        Name = "SetSchoolTermsInput";
        Field<NonNullGraphType<IntGraphType>>("academicYear");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HalfTermInputGraphType>>>>("terms")
            .Description("The six half-terms in order: AUTUMN_1, AUTUMN_2, SPRING_1, SPRING_2, SUMMER_1, SUMMER_2. None, with no insetDays, goes back to the generated default.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DateGraphType>>>>("insetDays");
    }
}
