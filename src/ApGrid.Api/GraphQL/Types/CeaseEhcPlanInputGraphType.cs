using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

/// <summary>Untyped so resolvers read it as a dictionary and can name the offending input field in VALIDATION errors.</summary>
public sealed class CeaseEhcPlanInputGraphType : InputObjectGraphType
{
    public CeaseEhcPlanInputGraphType()
    {
        Name = "CeaseEhcPlanInput";
        Field<NonNullGraphType<IdGraphType>>("pupilId");
        Field<NonNullGraphType<DateGraphType>>("date");
        Field<NonNullGraphType<EhcCeaseReasonEnumGraphType>>("reason");
    }
}
