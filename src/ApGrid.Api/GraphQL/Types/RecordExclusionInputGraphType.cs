using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Untyped so resolvers read it as a dictionary and can name the offending input field in VALIDATION errors.</summary>
public sealed class RecordExclusionInputGraphType : InputObjectGraphType
{
    public RecordExclusionInputGraphType()
    {
        Name = "RecordExclusionInput";
        Field<NonNullGraphType<IdGraphType>>("pupilId");
        Field<NonNullGraphType<ExclusionKindEnumGraphType>>("kind");
        Field<NonNullGraphType<DateGraphType>>("startDate").Description("The first day of the exclusion; a school day of the home school.");
        Field<IntGraphType>("sessions").Description("A suspension's length in sessions (half days), 1 to 90; leave out for a permanent exclusion.");
        Field<NonNullGraphType<ExclusionReasonEnumGraphType>>("reason");
    }
}
