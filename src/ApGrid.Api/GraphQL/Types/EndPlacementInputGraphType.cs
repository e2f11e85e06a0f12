using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Untyped so resolvers read it as a dictionary and can name the offending input field in VALIDATION errors.</summary>
public sealed class EndPlacementInputGraphType : InputObjectGraphType
{
    public EndPlacementInputGraphType()
    {
        Name = "EndPlacementInput";
        Field<NonNullGraphType<IdGraphType>>("placementId");
        Field<NonNullGraphType<DateGraphType>>("endDate");
        Field<NonNullGraphType<PlacementOutcomeEnumGraphType>>("outcome");
        Field<PlacementDestinationInputGraphType>("destination").Description("Where the pupil went; required for LEFT_EDUCATION while of compulsory school age.");
    }
}
