using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Untyped so resolvers read it as a dictionary and can name the offending input field in VALIDATION errors.</summary>
public sealed class StartPlacementInputGraphType : InputObjectGraphType
{
    public StartPlacementInputGraphType()
    {
        Name = "StartPlacementInput";
        Field<NonNullGraphType<IdGraphType>>("referralId");
        Field<NonNullGraphType<StringGraphType>>("apUrn");
        Field<NonNullGraphType<DateGraphType>>("startDate");
        Field<NonNullGraphType<DateGraphType>>("plannedEndDate");
        Field<NonNullGraphType<BooleanGraphType>>("fullTime");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionEnumGraphType>>>>("sessions");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("objectives");
        Field<NonNullGraphType<IntGraphType>>("reviewEveryWeeks");
        Field<StringGraphType>("idempotencyKey");
        Field<ApTierEnumGraphType>("tier");
    }
}
