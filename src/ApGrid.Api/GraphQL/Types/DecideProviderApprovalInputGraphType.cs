using global::GraphQL.Types;

namespace ApGrid.Api.GraphQL.Types;

public sealed class DecideProviderApprovalInputGraphType : InputObjectGraphType
{
    public DecideProviderApprovalInputGraphType()
    {
        Name = "DecideProviderApprovalInput";
        Field<NonNullGraphType<StringGraphType>>("urn");
        Field<NonNullGraphType<ProviderDecisionEnumGraphType>>("decision");
        Field<StringGraphType>("reason").Description("Required for APPROVED_WITH_CONDITIONS (the conditions), NOT_APPROVED and SUSPENDED.");
        Field<DateGraphType>("approvedUntil").Description("Default: the LA's approval period (12 months) from today.");
    }
}
